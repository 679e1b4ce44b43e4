package dev.stowage.s3;

import dev.stowage.StorageException.Kind;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.Timeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The one table that turns S3 errors into {@link BackendException}s: error code first, HTTP
 * status second, client-side failures (connection, timeout, I/O) as UNAVAILABLE.
 *
 * <p>Details name the S3 code and status only ({@code "s3 NoSuchKey, 404"}); S3 messages and SDK
 * client messages are left out because they can echo request URLs.
 */
final class S3Errors {

  private static final Map<String, Kind> BY_CODE =
      Map.ofEntries(
          Map.entry("NoSuchKey", Kind.NOT_FOUND),
          Map.entry("NoSuchBucket", Kind.BUCKET_NOT_FOUND),
          Map.entry("NoSuchUpload", Kind.NOT_FOUND),
          Map.entry("NotFound", Kind.NOT_FOUND),
          Map.entry("AccessDenied", Kind.PERMISSION_DENIED),
          Map.entry("AllAccessDisabled", Kind.PERMISSION_DENIED),
          Map.entry("InvalidAccessKeyId", Kind.PERMISSION_DENIED),
          Map.entry("SignatureDoesNotMatch", Kind.PERMISSION_DENIED),
          Map.entry("AccountProblem", Kind.PERMISSION_DENIED),
          Map.entry("ExpiredToken", Kind.PERMISSION_DENIED),
          Map.entry("InvalidRange", Kind.RANGE_NOT_SATISFIABLE),
          Map.entry("SlowDown", Kind.RATE_LIMITED),
          Map.entry("TooManyRequests", Kind.RATE_LIMITED),
          Map.entry("RequestLimitExceeded", Kind.RATE_LIMITED),
          Map.entry("ServiceUnavailable", Kind.UNAVAILABLE),
          Map.entry("InternalError", Kind.UNAVAILABLE),
          Map.entry("RequestTimeout", Kind.UNAVAILABLE),
          Map.entry("OperationAborted", Kind.UNAVAILABLE),
          Map.entry("BadDigest", Kind.INTEGRITY),
          Map.entry("InvalidDigest", Kind.INTEGRITY),
          Map.entry("XAmzContentSHA256Mismatch", Kind.INTEGRITY),
          Map.entry("KeyTooLongError", Kind.INVALID_INPUT),
          Map.entry("EntityTooLarge", Kind.INVALID_INPUT),
          Map.entry("EntityTooSmall", Kind.INVALID_INPUT),
          Map.entry("MetadataTooLarge", Kind.INVALID_INPUT),
          Map.entry("InvalidObjectName", Kind.INVALID_INPUT),
          Map.entry("NotImplemented", Kind.UNSUPPORTED),
          Map.entry("QuotaExceeded", Kind.QUOTA_EXCEEDED),
          Map.entry("StorageCapExceeded", Kind.QUOTA_EXCEEDED));

  private S3Errors() {}

  /**
   * Returns the backend failure for {@code e}; a {@link BackendException} is returned unchanged.
   * The facade names the operation and the path.
   *
   * @param createOnly whether the request was a create-only write, so that a failed precondition
   *     means the file already exists
   */
  static BackendException translate(RuntimeException e, boolean createOnly) {
    if (e instanceof BackendException) {
      return (BackendException) e;
    }
    if (e instanceof SdkServiceException) {
      SdkServiceException s = (SdkServiceException) e;
      String code = code(s);
      Kind kind = kind(s.statusCode(), code, createOnly, message(s));
      String detail = "s3 " + (code == null ? "" : code + ", ") + s.statusCode();
      return BackendException.of(kind, detail, retryAfter(s), e);
    }
    if (causedBy(e, MissingCredentialsException.class)) {
      return BackendException.of(Kind.PERMISSION_DENIED, MissingCredentialsException.HINT, e);
    }
    if (e instanceof ApiCallTimeoutException) {
      return BackendException.of(
          Kind.UNAVAILABLE,
          "s3 client: no answer within the operation deadline (setting '" + Timeouts.TIMEOUT + "')",
          e);
    }
    if (e instanceof SdkClientException || e instanceof UncheckedIOException) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String detail = "s3 client: " + cause.getClass().getSimpleName();
      if (causedBy(e, SocketTimeoutException.class)) {
        detail += " (no byte within the stall timeout, setting '" + Timeouts.IDLE_TIMEOUT + "')";
      } else if (causedBy(e, ConnectException.class)) {
        detail += " (connection refused or not established)";
      }
      return BackendException.of(Kind.UNAVAILABLE, detail, e);
    }
    return BackendException.of(Kind.UNEXPECTED, e.getClass().getSimpleName(), e);
  }

  /** Returns whether {@code type} is {@code t} or in its cause chain. */
  static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the backend failure for an I/O failure while reading the caller's data or a part. */
  static BackendException io(IOException e) {
    return BackendException.of(Kind.UNAVAILABLE, "i/o: " + e.getClass().getSimpleName(), e);
  }

  /**
   * Returns the kind for an S3 error.
   *
   * @param status the HTTP status
   * @param code the S3 error code, or null (HEAD responses have no body)
   * @param createOnly whether a failed precondition means "already exists"
   * @param message the S3 message, used only to recognise B2's cap-exceeded errors; may be null
   */
  static Kind kind(
      int status, @Nullable String code, boolean createOnly, @Nullable String message) {
    if (message != null && message.toLowerCase(Locale.ROOT).contains("cap exceeded")) {
      return Kind.QUOTA_EXCEEDED;
    }
    if ("PreconditionFailed".equals(code) || "ConditionalRequestConflict".equals(code)) {
      return createOnly ? Kind.ALREADY_EXISTS : Kind.PRECONDITION_FAILED;
    }
    Kind byCode = code == null ? null : BY_CODE.get(code);
    if (byCode != null) {
      return byCode;
    }
    switch (status) {
      case 404:
        return Kind.NOT_FOUND;
      case 401:
      case 403:
        return Kind.PERMISSION_DENIED;
      case 412:
        return createOnly ? Kind.ALREADY_EXISTS : Kind.PRECONDITION_FAILED;
      case 416:
        return Kind.RANGE_NOT_SATISFIABLE;
      case 429:
      case 503:
        return Kind.RATE_LIMITED;
      case 501:
        return Kind.UNSUPPORTED;
      default:
        return status >= 500 ? Kind.UNAVAILABLE : Kind.UNEXPECTED;
    }
  }

  private static @Nullable String code(SdkServiceException e) {
    if (e instanceof AwsServiceException) {
      AwsServiceException a = (AwsServiceException) e;
      if (a.awsErrorDetails() != null) {
        String code = a.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? null : code;
      }
    }
    return null;
  }

  private static @Nullable String message(SdkServiceException e) {
    if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
      return ((AwsServiceException) e).awsErrorDetails().errorMessage();
    }
    return null;
  }

  private static @Nullable Duration retryAfter(SdkServiceException e) {
    if (!(e instanceof AwsServiceException)) {
      return null;
    }
    AwsServiceException a = (AwsServiceException) e;
    if (a.awsErrorDetails() == null || a.awsErrorDetails().sdkHttpResponse() == null) {
      return null;
    }
    return a.awsErrorDetails()
        .sdkHttpResponse()
        .firstMatchingHeader("Retry-After")
        .map(S3Errors::seconds)
        .orElse(null);
  }

  private static @Nullable Duration seconds(String value) {
    try {
      long s = Long.parseLong(value.trim());
      return s < 0 ? null : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      return null; // an HTTP date; the retry strategy's own backoff applies
    }
  }
}
