package dev.stowage.testing;

import java.util.Objects;

/**
 * An application key that a {@link B2EmulatorExtension} created for a test.
 *
 * @param name the name it was declared under
 * @param keyId the application key id
 * @param applicationKey the secret; never part of {@link #toString()}
 */
public record B2TestKey(String name, String keyId, String applicationKey) {

  /** Checks that every part is present. */
  public B2TestKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(applicationKey, "applicationKey");
  }

  @Override
  public String toString() {
    return "B2TestKey[" + name + ", " + keyId + "]";
  }
}
