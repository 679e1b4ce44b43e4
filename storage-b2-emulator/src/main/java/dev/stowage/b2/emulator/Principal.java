package dev.stowage.b2.emulator;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The key behind an authenticated call, with the checks every handler applies: capability, bucket restriction
 * and name-prefix restriction. A failed check answers 401 {@code unauthorized}, as B2 does.
 */
record Principal(AppKey key, @Nullable String token, int apiVersion) {

  Principal {
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return "Principal[" + key.applicationKeyId() + "]";
  }

  Principal require(String capability) {
    if (!key.has(capability)) {
      throw B2Error.UNAUTHORIZED.exception("not entitled: the key lacks capability " + capability);
    }
    return this;
  }

  boolean allowsBucket(String bucketId) {
    return key.bucketId() == null || key.bucketId().equals(bucketId);
  }

  Principal requireBucket(String bucketId) {
    if (!allowsBucket(bucketId)) {
      throw B2Error.UNAUTHORIZED.exception("the key is restricted to bucket " + key.bucketId());
    }
    return this;
  }

  boolean allowsName(String fileName) {
    return key.namePrefix() == null || fileName.startsWith(key.namePrefix());
  }

  Principal requireName(String fileName) {
    if (!allowsName(fileName)) {
      throw B2Error.UNAUTHORIZED.exception(
          "the key is restricted to names starting with " + key.namePrefix());
    }
    return this;
  }

  /** Checks capability, bucket and name at once. */
  Principal requireFile(String capability, String bucketId, String fileName) {
    return require(capability).requireBucket(bucketId).requireName(fileName);
  }
}
