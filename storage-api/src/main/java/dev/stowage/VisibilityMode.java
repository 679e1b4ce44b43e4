package dev.stowage;

/**
 * How an adapter models visibility.
 *
 * <ul>
 *   <li>{@link #PER_OBJECT}: each file has its own visibility (POSIX bits, S3 object ACLs).
 *   <li>{@link #BUCKET_LEVEL}: the bucket decides (B2, ACL-less S3); reads report the bucket's
 *       setting and asking for a different one fails with {@code UNSUPPORTED}.
 *   <li>{@link #NONE}: the backend has no notion of visibility; reads report null.
 * </ul>
 */
public enum VisibilityMode {
  PER_OBJECT,
  BUCKET_LEVEL,
  NONE
}
