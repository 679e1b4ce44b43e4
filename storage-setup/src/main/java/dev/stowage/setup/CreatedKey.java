package dev.stowage.setup;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An application key created by {@code apply}, with its secret. The secret is returned only this once by the
 * service; show it to the user or write it with {@link SetupResult#writeSecrets}, and never log it.
 * {@link #toString()} masks it.
 *
 * @param keyName the key's name
 * @param applicationKeyId the key id (S3: the access key id)
 * @param applicationKey the secret (S3: the secret access key)
 * @param capabilities the capabilities granted
 * @param bucketName the bucket the key is restricted to, or null for an account-wide key
 * @param namePrefix the file-name prefix the key is restricted to, or null
 */
public record CreatedKey(
    String keyName,
    String applicationKeyId,
    String applicationKey,
    List<String> capabilities,
    @Nullable String bucketName,
    @Nullable String namePrefix) {

  /** Checks the required parts and copies the capability list. */
  public CreatedKey {
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(applicationKeyId, "applicationKeyId");
    Objects.requireNonNull(applicationKey, "applicationKey");
    capabilities = List.copyOf(capabilities);
  }

  /** Returns the key without its secret. */
  @Override
  public String toString() {
    return "CreatedKey[keyName="
        + keyName
        + ", applicationKeyId="
        + applicationKeyId
        + ", applicationKey=<secret, not shown>, capabilities="
        + capabilities
        + ", bucketName="
        + bucketName
        + ", namePrefix="
        + namePrefix
        + "]";
  }
}
