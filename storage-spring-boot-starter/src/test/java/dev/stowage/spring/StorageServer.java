package dev.stowage.spring;

/** A bucket on a storage server started for a test, described as {@code stowage} properties. */
interface StorageServer {

  /** Returns the bucket the server was started with. */
  String bucket();

  /** Returns the secret of the server's credentials (to prove it is never shown). */
  String secret();

  /** Returns the properties of a filesystem under {@code prefix} rooted at {@code bucketName/root}. */
  String[] properties(String prefix, String bucketName, String root);

  /** Returns the property under {@code prefix} that sets the secret to {@code value}. */
  String secretProperty(String prefix, String value);
}
