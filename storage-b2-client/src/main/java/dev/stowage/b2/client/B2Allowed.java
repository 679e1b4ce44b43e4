package dev.stowage.b2.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an application key may do, from {@code b2_authorize_account}'s {@code allowed} object.
 *
 * @param capabilities the capability names, e.g. {@code listFiles}
 * @param bucketId the bucket the key is restricted to, or null
 * @param bucketName that bucket's name, or null
 * @param namePrefix the file name prefix the key is restricted to, or null
 */
public record B2Allowed(
    List<String> capabilities,
    @Nullable String bucketId,
    @Nullable String bucketName,
    @Nullable String namePrefix) {
  public B2Allowed {
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
  }

  /** Returns whether the key holds {@code capability}. */
  public boolean has(String capability) {
    return capabilities.contains(capability);
  }
}
