package dev.stowage.b2.client;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code b2_create_key} (the client adds the account id).
 *
 * @param keyName letters, digits and {@code -}, 1..100 characters
 * @param capabilities the capabilities to grant
 * @param validDurationInSeconds lifetime (under 1000 days), or null for no expiry
 * @param bucketId restrict the key to this bucket, or null
 * @param namePrefix restrict it to names with this prefix (needs a bucket), or null
 */
public record B2CreateKeyRequest(
    String keyName,
    List<String> capabilities,
    @Nullable Long validDurationInSeconds,
    @Nullable String bucketId,
    @Nullable String namePrefix) {

  public B2CreateKeyRequest {
    Objects.requireNonNull(keyName, "keyName");
    capabilities = List.copyOf(capabilities);
    if (namePrefix != null && bucketId == null) {
      throw new IllegalArgumentException("a namePrefix restriction needs a bucketId");
    }
  }
}
