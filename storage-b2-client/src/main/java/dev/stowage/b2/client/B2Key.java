package dev.stowage.b2.client;

import java.util.List;

/**
 * An application key. The secret is returned once, by {@code b2_create_key}; {@link #toString()}
 * hides it, and the key id too (ids are half of a credential).
 *
 * @param accountId the account
 * @param applicationKeyId the key id
 * @param applicationKey the secret (only from create), or null
 * @param keyName the key's name
 * @param capabilities its capabilities
 * @param bucketId the bucket it is restricted to, or null
 * @param namePrefix the name prefix it is restricted to, or null
 * @param expirationTimestamp when it expires (ms since the epoch), or null
 */
public record B2Key(
    String accountId,
    String applicationKeyId,
    String applicationKey,
    String keyName,
    List<String> capabilities,
    String bucketId,
    String namePrefix,
    Long expirationTimestamp) {

  public B2Key {
    capabilities = Values.list(capabilities);
  }

  @Override
  public String toString() {
    return "B2Key[applicationKeyId=***, keyName="
        + keyName
        + ", capabilities="
        + capabilities
        + ", bucketId="
        + bucketId
        + ", namePrefix="
        + namePrefix
        + ", expirationTimestamp="
        + expirationTimestamp
        + (applicationKey == null ? "" : ", applicationKey=***")
        + "]";
  }
}
