package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import dev.stowage.b2.emulator.EmulatorStore.BucketView;
import dev.stowage.b2.emulator.EmulatorStore.KeyView;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, and B2's checks for them: an application key (capability, bucket restriction, name-prefix
 * restriction), or null for an anonymous caller, who may only read files of {@code allPublic} buckets.
 */
final class Access {
  private final EmulatorStore store;
  private final @Nullable KeyView key;

  Access(EmulatorStore store, @Nullable KeyView key) {
    this.store = store;
    this.key = key;
  }

  /** The key, or null for an anonymous caller. */
  @Nullable KeyView key() {
    return key;
  }

  /** Fails with AccessDenied unless the key holds the capability. */
  void require(String capability) {
    if (key == null || !key.has(capability)) {
      throw S3Errors.accessDenied("not entitled: the key lacks capability " + capability);
    }
  }

  /** Returns the bucket, or fails with NoSuchBucket (absent) or AccessDenied (another bucket's key). */
  BucketView bucket(String name) {
    BucketView b = store.bucket(name);
    if (b == null) {
      throw S3Errors.noSuchBucket(name);
    }
    if (key != null && key.bucketId() != null && !key.bucketId().equals(b.bucketId())) {
      throw S3Errors.accessDenied("the key is restricted to another bucket");
    }
    return b;
  }

  /** Checks a file operation's capability and the key's bucket and prefix; returns the bucket. */
  BucketView file(String capability, String bucketName, String fileName) {
    BucketView b = bucket(bucketName);
    if (key == null) {
      if (!b.allPublic() || !capability.equals("readFiles")) {
        throw S3Errors.accessDenied("anonymous access needs an allPublic bucket");
      }
      return b;
    }
    require(capability);
    if (key.namePrefix() != null && !fileName.startsWith(key.namePrefix())) {
      throw S3Errors.accessDenied(
          "the key is restricted to names starting with " + key.namePrefix());
    }
    return b;
  }

  /** Whether the key's name prefix (if any) admits the name. */
  boolean allowsName(String name) {
    return key == null || key.namePrefix() == null || name.startsWith(key.namePrefix());
  }
}
