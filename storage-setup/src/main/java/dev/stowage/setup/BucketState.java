package dev.stowage.setup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a B2 bucket looks like now, as read from {@code b2_list_buckets}.
 *
 * @param encryption the default encryption, or null when the key may not read it
 * @param retention the default retention, or null when there is none (or the key may not read it)
 */
record BucketState(
    String bucketId,
    String bucketName,
    String bucketType,
    @Nullable Encryption encryption,
    boolean fileLockEnabled,
    List<CorsRule> corsRules,
    List<LifecycleRule> lifecycleRules,
    long revision,
    @Nullable Retention retention) {

  BucketState {
    corsRules = List.copyOf(corsRules);
    lifecycleRules = List.copyOf(lifecycleRules);
  }
}
