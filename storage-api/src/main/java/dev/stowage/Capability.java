package dev.stowage;

/**
 * A feature an adapter may declare in its {@link Capabilities}.
 *
 * <p>The {@link Filesystem} facade checks the declared set before any I/O: an operation or
 * option that needs an undeclared capability fails with {@link StorageException.Kind#UNSUPPORTED}
 * and nothing is sent. The compatibility kit skips the cases that need an undeclared capability
 * and prints which one.
 */
public enum Capability {
  /** Mutating operations (write, copy, move, delete, directories, visibility). Off: read-only. */
  WRITE,
  /** {@link WriteOptions#createOnly()}: the write fails with ALREADY_EXISTS if the file exists. */
  CREATE_ONLY,
  /** {@link Filesystem#readStream(String, ByteRange)} with a range. */
  RANGE_READ,
  /** A range starting past the end fails with RANGE_NOT_SATISFIABLE (off: it yields no bytes). */
  RANGE_NOT_SATISFIABLE,
  /** An explicit content type is stored and returned by {@code stat}. */
  CONTENT_TYPE,
  /** {@link WriteOptions#cacheControl()} is stored and returned. */
  CACHE_CONTROL,
  /** {@link WriteOptions#contentDisposition()} is stored and returned. */
  CONTENT_DISPOSITION,
  /** {@link WriteOptions#contentEncoding()} is stored and returned. */
  CONTENT_ENCODING,
  /** {@link WriteOptions#userMetadata()} is stored and returned. */
  USER_METADATA,
  /** Directories exist only through their contents or markers: deleting the last file removes it. */
  IMPLICIT_DIRECTORIES,
  /** {@code stat} reports a last-modified time. */
  LAST_MODIFIED,
  /** {@code stat} reports an ETag. */
  ETAG,
  /** {@code stat} reports a version id. */
  VERSION_ID,
  /** Listings come back in lexicographic (UTF-8 byte) order without sorting. */
  SORTED_LISTING,
  /** Visibility is stored per file ({@link VisibilityMode#PER_OBJECT}). */
  VISIBILITY_PER_OBJECT,
  /** Visibility is a property of the bucket ({@link VisibilityMode#BUCKET_LEVEL}). */
  VISIBILITY_BUCKET_LEVEL,
  /** {@link Filesystem#publicUrl}. */
  PUBLIC_URL,
  /** {@link Filesystem#temporaryUrl}. */
  TEMPORARY_URL,
  /** {@link Filesystem#prepareUpload}. */
  PREPARE_UPLOAD,
  /** Upload tickets are rejected by the backend when the content type differs from the signed one. */
  UPLOAD_ENFORCES_CONTENT_TYPE,
  /** Large writes are uploaded in parts (see {@link Capabilities#multipartThreshold()}). */
  MULTIPART,
  /** Copy happens inside the backend without streaming bytes through the client. */
  SERVER_SIDE_COPY
}
