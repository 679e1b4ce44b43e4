package dev.stowage.b2.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The B2 errors the emulator answers with: HTTP status, B2 code and a default message.
 *
 * <p>Every error body is exactly {@code {status, code, message}} (the Java SDK parses it strictly).
 */
enum B2Error {
  BAD_REQUEST(400, "bad_request", "bad request"),
  BAD_JSON(400, "bad_json", "the request body is not valid JSON"),
  DUPLICATE_BUCKET_NAME(400, "duplicate_bucket_name", "Bucket name is already in use."),
  TOO_MANY_BUCKETS(400, "too_many_buckets", "Too many buckets"),
  BAD_BUCKET_ID(400, "bad_bucket_id", "bucket does not exist"),
  INVALID_BUCKET_ID(400, "invalid_bucket_id", "invalid bucketId"),
  INVALID_FILE_ID(400, "invalid_file_id", "invalid fileId"),
  CANNOT_DELETE_NON_EMPTY_BUCKET(
      400, "cannot_delete_non_empty_bucket", "Cannot delete non-empty bucket"),
  FILE_NOT_PRESENT(400, "file_not_present", "File not present"),
  NO_SUCH_FILE(400, "no_such_file", "No such file"),
  ALREADY_HIDDEN(400, "already_hidden", "File already hidden"),
  OUT_OF_RANGE(400, "out_of_range", "value out of range"),
  MISSING_PART(400, "missing_part", "a part is missing"),
  PART_SHA1_MISMATCH(400, "part_sha1_mismatch", "part SHA1 does not match"),
  SOURCE_TOO_LARGE(400, "source_too_large", "Copy source too big"),
  AUTH_TOKEN_LIMIT(400, "auth_token_limit", "more than one upload using auth token"),
  UNAUTHORIZED(401, "unauthorized", "not authorized"),
  BAD_AUTH_TOKEN(401, "bad_auth_token", "Invalid authorization token"),
  EXPIRED_AUTH_TOKEN(401, "expired_auth_token", "Authorization token has expired"),
  UNSUPPORTED(401, "unsupported", "this key cannot be used with this API version"),
  STORAGE_CAP_EXCEEDED(403, "storage_cap_exceeded", "Cannot upload files, storage cap exceeded."),
  TRANSACTION_CAP_EXCEEDED(403, "transaction_cap_exceeded", "Transaction cap exceeded."),
  DOWNLOAD_CAP_EXCEEDED(
      403,
      "download_cap_exceeded",
      "Cannot download file, download bandwidth or transaction cap exceeded."),
  ACCESS_DENIED(403, "access_denied", "access denied"),
  NOT_FOUND(404, "not_found", "not found"),
  METHOD_NOT_ALLOWED(405, "method_not_allowed", "method not allowed"),
  REQUEST_TIMEOUT(408, "request_timeout", "request timed out"),
  CONFLICT(409, "conflict", "conflict"),
  RANGE_NOT_SATISFIABLE(416, "range_not_satisfiable", "The range is not satisfiable"),
  TOO_MANY_REQUESTS(429, "too_many_requests", "Too many requests"),
  INTERNAL_ERROR(500, "internal_error", "internal error"),
  SERVICE_UNAVAILABLE(503, "service_unavailable", "Service temporarily unavailable");

  private final int status;
  private final String code;
  private final String defaultMessage;

  B2Error(int status, String code, String defaultMessage) {
    this.status = status;
    this.code = code;
    this.defaultMessage = defaultMessage;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** Returns an exception carrying this error and its default message. */
  B2Exception exception() {
    return new B2Exception(status, code, defaultMessage);
  }

  /** Returns an exception carrying this error and the given message. */
  B2Exception exception(String message) {
    return new B2Exception(status, code, message);
  }

  /** Returns the error with this code, or null when the code is not one of ours. */
  static @Nullable B2Error ofCode(String code) {
    for (B2Error e : values()) {
      if (e.code.equals(code)) {
        return e;
      }
    }
    return null;
  }
}
