package dev.stowage;

/** What an {@link UploadTicket} allows its holder to write. */
public enum UploadScope {
  /** Exactly one path (S3 presigned PUT). */
  OBJECT,
  /** Any name in the bucket until the ticket expires (B2 native upload URL tokens). */
  BUCKET
}
