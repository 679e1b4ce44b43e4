package dev.stowage.setup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateBucketRequest;
import dev.stowage.b2.client.B2DefaultRetention;
import dev.stowage.b2.client.B2FileLockConfiguration;
import dev.stowage.b2.client.B2Restricted;
import dev.stowage.b2.client.B2ServerSideEncryption;
import dev.stowage.b2.client.B2UpdateBucketRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The three bucket calls the setup makes, over {@link B2Client}: translates the setup's rules, encryption and
 * file-lock choice to B2's JSON records and the answers back to a {@link BucketState}. Errors surface as the client's
 * {@code B2Exception}.
 */
final class B2Buckets {
  // Rules keep B2's field names, so a plain mapper converts them both ways; CorsRule and
  // LifecycleRule include
  // their null fields, which B2 reads as "not set".
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

  private final B2Client client;

  B2Buckets(B2Client client) {
    this.client = client;
  }

  /** Returns the bucket named {@code name} (case-insensitive, as B2 names are), or null when there is none. */
  @Nullable BucketState find(String name) {
    for (B2Bucket b : client.listBuckets(null, name)) {
      if (b.bucketName().equalsIgnoreCase(name)) {
        return state(b);
      }
    }
    return null;
  }

  BucketState create(
      String name,
      String bucketType,
      @Nullable Encryption encryption,
      boolean fileLock,
      @Nullable List<CorsRule> cors,
      @Nullable List<LifecycleRule> lifecycle) {
    return state(
        client.createBucket(
            new B2CreateBucketRequest(
                name,
                bucketType,
                null,
                objects(cors),
                objects(lifecycle),
                sse(encryption),
                fileLock)));
  }

  /** Updates only the non-null settings; fails with status 409 {@code conflict} if the revision moved. */
  BucketState update(
      String bucketId,
      long ifRevisionIs,
      @Nullable String bucketType,
      @Nullable Encryption encryption,
      @Nullable List<CorsRule> cors,
      @Nullable List<LifecycleRule> lifecycle,
      @Nullable Retention retention) {
    return state(
        client.updateBucket(
            new B2UpdateBucketRequest(
                bucketId,
                bucketType,
                null,
                objects(cors),
                objects(lifecycle),
                ifRevisionIs,
                sse(encryption),
                null,
                retention == null
                    ? null
                    : new B2DefaultRetention(
                        retention.mode(), retention.duration(), retention.unit()))));
  }

  static @Nullable B2ServerSideEncryption sse(@Nullable Encryption encryption) {
    if (encryption == null) {
      return null;
    }
    return encryption == Encryption.SSE_B2
        ? B2ServerSideEncryption.sseB2()
        : B2ServerSideEncryption.none();
  }

  /** Returns the rules as B2 JSON objects, or null for null (the setting is not sent). */
  static @Nullable List<Map<String, Object>> objects(@Nullable List<?> rules) {
    return rules == null ? null : MAPPER.convertValue(rules, OBJECTS);
  }

  static BucketState state(B2Bucket b) {
    List<CorsRule> cors = new ArrayList<>();
    for (Map<String, Object> r : b.corsRules()) {
      cors.add(MAPPER.convertValue(r, CorsRule.class));
    }
    List<LifecycleRule> lifecycle = new ArrayList<>();
    for (Map<String, Object> r : b.lifecycleRules()) {
      lifecycle.add(MAPPER.convertValue(r, LifecycleRule.class));
    }
    return new BucketState(
        b.bucketId(),
        b.bucketName(),
        b.bucketType(),
        encryption(b),
        fileLock(b),
        cors,
        lifecycle,
        b.revision(),
        retention(b));
  }

  /** Returns the default encryption, or null when the key may not read it; an answer without it means none. */
  private static @Nullable Encryption encryption(B2Bucket b) {
    B2Restricted<B2ServerSideEncryption> sse = b.defaultServerSideEncryption();
    if (sse == null) {
      return Encryption.NONE;
    }
    if (!sse.isClientAuthorizedToRead()) {
      return null;
    }
    return sse.value() != null && sse.value().isSseB2() ? Encryption.SSE_B2 : Encryption.NONE;
  }

  /** Returns the default retention, or null when there is none or the key may not read it. */
  private static @Nullable Retention retention(B2Bucket b) {
    B2Restricted<B2FileLockConfiguration> lock = b.fileLockConfiguration();
    B2DefaultRetention r =
        lock == null
            ? null
            : lock.readable()
                .map(c -> B2DefaultRetention.fromJson(c.defaultRetention()))
                .orElse(null);
    return r == null ? null : new Retention(r.mode(), r.duration(), r.unit());
  }

  private static boolean fileLock(B2Bucket b) {
    B2Restricted<B2FileLockConfiguration> lock = b.fileLockConfiguration();
    return lock != null
        && lock.readable().map(B2FileLockConfiguration::isFileLockEnabled).orElse(false);
  }
}
