package dev.stowage.b2.emulator;

/** Which credentials a route needs; the authentication filter checks them before the handler runs. */
enum AuthKind {
  /** No credentials. */
  NONE,
  /** HTTP Basic with the master key id and master key: the emulator's own admin endpoints. */
  MASTER,
  /** HTTP Basic with a key id and key ({@code b2_authorize_account}). */
  BASIC,
  /** An account token from authorize. */
  ACCOUNT,
  /** An upload token for the bucket in the upload URL. */
  UPLOAD,
  /** An upload token for the large file in the part URL. */
  PART,
  /** An account token, a download-authorization token, or nothing for public buckets; checked by the handler. */
  DOWNLOAD
}
