package dev.stowage.b2.emulator;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An application key (or the master key, which has every capability and no restriction).
 *
 * @param bucketId            null unless the key is restricted to one bucket
 * @param namePrefix          null unless the key is restricted to names with this prefix
 * @param expirationTimestamp null for keys that never expire, else ms since the epoch
 */
record AppKey(
    String applicationKeyId,
    String applicationKey,
    String keyName,
    List<String> capabilities,
    @Nullable String bucketId,
    @Nullable String namePrefix,
    @Nullable Long expirationTimestamp,
    boolean master) {
  AppKey {
    Objects.requireNonNull(applicationKeyId, "applicationKeyId");
    Objects.requireNonNull(applicationKey, "applicationKey");
    capabilities = List.copyOf(capabilities);
  }

  @Override
  public String toString() {
    return "AppKey[" + applicationKeyId + ", " + keyName + "]";
  }

  boolean has(String capability) {
    return capabilities.contains(capability);
  }
}
