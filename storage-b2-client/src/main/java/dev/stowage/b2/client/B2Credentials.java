package dev.stowage.b2.client;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An application key id and its secret, as given to {@code b2_authorize_account}.
 *
 * <p>{@link #toString()} shows neither value. A {@link B2Client} asks its credential source (a
 * {@code Supplier<B2Credentials>}) for credentials at every authorisation, so a source may rotate keys.
 *
 * @param keyId the application key id (the account id works for the master key)
 * @param applicationKey the secret application key
 */
public record B2Credentials(String keyId, String applicationKey) {

  /** The environment variable holding the key id. */
  public static final String KEY_ID_VARIABLE = "B2_APPLICATION_KEY_ID";

  /** The environment variable holding the secret key. */
  public static final String KEY_VARIABLE = "B2_APPLICATION_KEY";

  public B2Credentials {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(applicationKey, "applicationKey");
    if (keyId.isBlank() || applicationKey.isBlank()) {
      throw new IllegalArgumentException("B2 key id and application key must not be blank");
    }
    if (keyId.indexOf(':') >= 0) {
      throw new IllegalArgumentException("B2 key id must not contain ':'");
    }
  }

  /** Returns a source that always yields these credentials. */
  public Supplier<B2Credentials> asSource() {
    return () -> this;
  }

  /**
   * Returns a source that reads {@value #KEY_ID_VARIABLE} and {@value #KEY_VARIABLE} from the
   * process environment each time it is asked; it fails with {@link B2MissingCredentialsException}
   * naming the missing variable (never a value).
   */
  public static Supplier<B2Credentials> environment() {
    return () -> fromEnvironment(System.getenv());
  }

  /**
   * Returns the credentials held by {@code env} under {@value #KEY_ID_VARIABLE} and {@value #KEY_VARIABLE}.
   *
   * @throws B2MissingCredentialsException naming the variable that is missing or blank
   */
  public static B2Credentials fromEnvironment(Map<String, String> env) {
    String id = env.get(KEY_ID_VARIABLE);
    String key = env.get(KEY_VARIABLE);
    if (id == null || id.isBlank()) {
      throw new B2MissingCredentialsException(KEY_ID_VARIABLE);
    }
    if (key == null || key.isBlank()) {
      throw new B2MissingCredentialsException(KEY_VARIABLE);
    }
    return new B2Credentials(id, key);
  }

  @Override
  public String toString() {
    return "B2Credentials[keyId=***, applicationKey=***]";
  }
}
