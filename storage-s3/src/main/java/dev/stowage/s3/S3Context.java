package dev.stowage.s3;

import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.spi.BackendException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What every part of the adapter shares: the client, the configuration and the key mapping, plus
 * the visibility rules of the configured profile.
 */
final class S3Context {

  private final S3Client client;
  private final S3Config config;
  private final S3Keys keys;

  /** Set once the bucket is known to exist (or cannot be asked about): no more HeadBucket calls. */
  private volatile boolean bucketKnown;

  S3Context(S3Client client, S3Config config) {
    this.client = client;
    this.config = config;
    this.keys = new S3Keys(config.prefix());
  }

  S3Client client() {
    return client;
  }

  S3Config config() {
    return config;
  }

  S3Keys keys() {
    return keys;
  }

  String bucket() {
    return config.bucket();
  }

  /**
   * Returns the canned ACL to send for {@code requested}, or null to send none: only object-ACL
   * profiles send one, and only when a visibility was asked for. On bucket-level profiles a
   * visibility other than the bucket's fails with UNSUPPORTED before any request.
   */
  @Nullable ObjectCannedACL acl(@Nullable Visibility requested) {
    if (requested == null) {
      return null;
    }
    switch (config.visibilityMode()) {
      case PER_OBJECT:
        return requested == Visibility.PUBLIC
            ? ObjectCannedACL.PUBLIC_READ
            : ObjectCannedACL.PRIVATE;
      case BUCKET_LEVEL:
        if (requested != config.bucketVisibility()) {
          throw BackendException.of(
              StorageException.Kind.UNSUPPORTED,
              "visibility is set per bucket, and this bucket is "
                  + config.bucketVisibility().name().toLowerCase(java.util.Locale.ROOT));
        }
        return null;
      default:
        return null;
    }
  }

  /** Returns the visibility to report for a file written with {@code requested} (null: not asked). */
  @Nullable Visibility writtenVisibility(@Nullable Visibility requested) {
    if (config.visibilityMode() == VisibilityMode.PER_OBJECT) {
      return requested == null ? Visibility.PRIVATE : requested;
    }
    return bucketLevelVisibility();
  }

  /** Returns the bucket's visibility when visibility is bucket-level, else null. */
  @Nullable Visibility bucketLevelVisibility() {
    return config.visibilityMode() == VisibilityMode.BUCKET_LEVEL
        ? config.bucketVisibility()
        : null;
  }

  /**
   * Returns whether a 404 without an error code (the answer to a HEAD, which has no body) means
   * that the bucket itself is missing rather than the key. Asks S3 once per adapter (HeadBucket);
   * once the bucket is seen, or the question cannot be answered (no permission, an outage), the
   * answer is "no" without a request.
   */
  boolean bucketMissing() {
    if (bucketKnown) {
      return false;
    }
    try {
      client.headBucket(b -> b.bucket(bucket()));
      bucketKnown = true;
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return true;
      }
      bucketKnown = e.statusCode() < 500;
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Returns the BUCKET_NOT_FOUND failure for {@code cause}, naming the bucket. */
  BackendException missingBucket(RuntimeException cause) {
    return BackendException.of(
        StorageException.Kind.BUCKET_NOT_FOUND,
        "s3 404: no bucket named " + bucket() + " is visible to these credentials",
        cause);
  }

  /** Returns the backend failure for an SDK exception (see {@link #fail(RuntimeException, boolean)}). */
  BackendException fail(RuntimeException e) {
    return fail(e, false);
  }

  /**
   * Returns the backend failure for an SDK exception; a missing bucket's detail names the bucket,
   * since S3's answer does not.
   *
   * @param createOnly whether the request was a create-only write
   */
  BackendException fail(RuntimeException e, boolean createOnly) {
    BackendException failure = S3Errors.translate(e, createOnly);
    if (failure.kind() != StorageException.Kind.BUCKET_NOT_FOUND || failure == e) {
      return failure;
    }
    return BackendException.of(
        failure.kind(),
        failure.detail() + ": no bucket named " + bucket() + " is visible to these credentials",
        failure.retryAfter().orElse(null),
        e);
  }
}
