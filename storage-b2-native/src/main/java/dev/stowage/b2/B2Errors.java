package dev.stowage.b2;

import dev.stowage.StorageException.Kind;
import dev.stowage.b2.client.B2Exception;
import dev.stowage.b2.client.B2MissingCredentialsException;
import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The one table that turns B2 failures into {@link BackendException}s: B2 error codes (then HTTP
 * statuses) to {@link Kind}s, transport failures to {@code UNAVAILABLE}.
 *
 * <p>Retryable kinds follow B2's guidance: 408, 429 and 5xx, expired or bad tokens (the next
 * attempt authorises again or takes a new upload URL), any 401 of an upload, and transport errors.
 */
final class B2Errors {

  private static final Map<String, Kind> BY_CODE =
      Map.ofEntries(
          Map.entry("not_found", Kind.NOT_FOUND),
          Map.entry("file_not_present", Kind.NOT_FOUND),
          Map.entry("no_such_file", Kind.NOT_FOUND),
          Map.entry("bad_bucket_id", Kind.BUCKET_NOT_FOUND),
          Map.entry("invalid_bucket_id", Kind.BUCKET_NOT_FOUND),
          Map.entry("invalid_file_id", Kind.NOT_FOUND),
          Map.entry("already_hidden", Kind.NOT_FOUND),
          Map.entry("duplicate_bucket_name", Kind.ALREADY_EXISTS),
          Map.entry("too_many_buckets", Kind.QUOTA_EXCEEDED),
          Map.entry("storage_cap_exceeded", Kind.QUOTA_EXCEEDED),
          Map.entry("transaction_cap_exceeded", Kind.QUOTA_EXCEEDED),
          Map.entry("download_cap_exceeded", Kind.QUOTA_EXCEEDED),
          Map.entry("cap_exceeded", Kind.QUOTA_EXCEEDED),
          Map.entry("unauthorized", Kind.PERMISSION_DENIED),
          Map.entry("access_denied", Kind.PERMISSION_DENIED),
          Map.entry("unsupported", Kind.UNSUPPORTED),
          Map.entry("bad_auth_token", Kind.UNAVAILABLE),
          Map.entry("expired_auth_token", Kind.UNAVAILABLE),
          Map.entry("auth_token_limit", Kind.UNAVAILABLE),
          Map.entry("cannot_delete_non_empty_bucket", Kind.PRECONDITION_FAILED),
          Map.entry("conflict", Kind.PRECONDITION_FAILED),
          Map.entry("range_not_satisfiable", Kind.RANGE_NOT_SATISFIABLE),
          Map.entry("part_sha1_mismatch", Kind.INTEGRITY),
          Map.entry("out_of_range", Kind.INVALID_INPUT),
          Map.entry("source_too_large", Kind.INVALID_INPUT),
          Map.entry("bad_request", Kind.INVALID_INPUT),
          Map.entry("bad_json", Kind.UNEXPECTED),
          Map.entry("missing_part", Kind.UNEXPECTED),
          Map.entry("method_not_allowed", Kind.UNEXPECTED),
          Map.entry("request_timeout", Kind.UNAVAILABLE),
          Map.entry("too_many_requests", Kind.RATE_LIMITED),
          Map.entry("internal_error", Kind.UNAVAILABLE),
          Map.entry("service_unavailable", Kind.UNAVAILABLE));

  private B2Errors() {}

  /** Returns the kind of a B2 error answer. */
  static Kind kind(B2Exception e) {
    int status = e.status();
    if (e.call().equals("b2_authorize_account") && status == 401) {
      return Kind.PERMISSION_DENIED; // wrong key: renewing the token cannot help
    }
    if (status == 401 && isUpload(e.call())) {
      return Kind.UNAVAILABLE; // B2: any 401 of an upload means "take a new upload URL"
    }
    if (status == 429) {
      return Kind.RATE_LIMITED;
    }
    if (status == 408 || status >= 500) {
      return Kind.UNAVAILABLE;
    }
    if (e.code().equals("bad_request") && mentionsChecksum(e.b2Message())) {
      return Kind.INTEGRITY; // "Sha1 did not match data received": the bytes changed on the way
    }
    if (e.code().equals("not_found")
        && e.b2Message() != null
        && e.b2Message().startsWith("Bucket does not exist")) {
      return Kind.BUCKET_NOT_FOUND; // a download by name from a bucket that is not there
    }
    Kind byCode = BY_CODE.get(e.code());
    return byCode != null ? byCode : byStatus(status);
  }

  private static Kind byStatus(int status) {
    switch (status) {
      case 400:
        return Kind.INVALID_INPUT;
      case 401:
      case 403:
        return Kind.PERMISSION_DENIED;
      case 404:
        return Kind.NOT_FOUND;
      case 409:
        return Kind.PRECONDITION_FAILED;
      case 416:
        return Kind.RANGE_NOT_SATISFIABLE;
      default:
        return Kind.UNEXPECTED;
    }
  }

  private static boolean isUpload(String call) {
    return call.equals("b2_upload_file") || call.equals("b2_upload_part");
  }

  private static boolean mentionsChecksum(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("sha1") || m.contains("checksum");
  }

  /** Returns {@code "b2 <code>, <status>: <message>"}, the detail of a failure's message. */
  static String detail(B2Exception e) {
    String base = "b2 " + e.code() + ", " + e.status();
    return e.b2Message().isEmpty() ? base : base + ": " + e.b2Message();
  }

  /**
   * Translates any failure of a B2 call into a {@link BackendException}; one that already is one
   * is returned as it is. The facade names the operation and the path.
   */
  static BackendException translate(Throwable t) {
    if (t instanceof BackendException) {
      return (BackendException) t;
    }
    if (t instanceof B2Exception) {
      B2Exception e = (B2Exception) t;
      return BackendException.of(kind(e), detail(e), e.retryAfter().orElse(null), e);
    }
    if (t instanceof B2MissingCredentialsException) {
      // Like a wrong key (PERMISSION_DENIED): the caller must supply credentials; retrying cannot
      // help.
      return BackendException.of(Kind.PERMISSION_DENIED, t.getMessage(), t);
    }
    if (t instanceof LocalSourceException) {
      return BackendException.of(Kind.UNEXPECTED, t.getMessage(), t);
    }
    if (t instanceof UncheckedIOException || t instanceof IOException) {
      // An UncheckedIOException cannot be made without its cause.
      IOException io =
          t instanceof UncheckedIOException
              ? Objects.requireNonNull(((UncheckedIOException) t).getCause())
              : (IOException) t;
      return BackendException.of(Kind.UNAVAILABLE, "i/o: " + io.getMessage(), t);
    }
    return BackendException.of(Kind.UNEXPECTED, t.toString(), t);
  }

  /** Translates the failure of a task run on an executor: that of its cause, if it has one. */
  static BackendException translate(ExecutionException e) {
    Throwable cause = e.getCause();
    return translate(cause != null ? cause : e);
  }
}
