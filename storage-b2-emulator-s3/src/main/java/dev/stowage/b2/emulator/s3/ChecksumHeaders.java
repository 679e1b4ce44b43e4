package dev.stowage.b2.emulator.s3;

/**
 * What the S3 face does with flexible checksums ({@code x-amz-checksum-*}, {@code x-amz-sdk-checksum-algorithm}):
 * B2 documents them as unsupported and has answered them with 400 {@code InvalidArgument}.
 */
public enum ChecksumHeaders {
  /** Refuse requests that carry them, with 400 InvalidArgument, as B2 documents (the default). */
  REJECT,
  /** Accept them (and verify them), as newer reports say B2 does. */
  ACCEPT
}
