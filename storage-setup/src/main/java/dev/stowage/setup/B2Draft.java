package dev.stowage.setup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a B2 plan read and what applying it sends. A null setting means "leave as is".
 *
 * @param existing the bucket as read, or null when it does not exist yet
 * @param bucketType the B2 type to set, or null
 * @param encryption the default encryption to set, or null
 * @param corsRules the complete CORS list to send, or null
 * @param lifecycleRules the complete lifecycle list to send, or null
 * @param newKeys the keys to create
 * @param retention the default retention to set, or null
 */
record B2Draft(
    @Nullable BucketState existing,
    @Nullable String bucketType,
    @Nullable Encryption encryption,
    @Nullable List<CorsRule> corsRules,
    @Nullable List<LifecycleRule> lifecycleRules,
    List<KeySpec> newKeys,
    @Nullable Retention retention) {

  B2Draft {
    newKeys = List.copyOf(newKeys);
  }

  /** Returns true when the bucket itself must be created or updated. */
  boolean touchesBucket() {
    return existing == null
        || bucketType != null
        || encryption != null
        || corsRules != null
        || lifecycleRules != null
        || retention != null;
  }
}
