package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.StorageException.Kind;
import dev.stowage.b2.client.B2Exception;
import dev.stowage.spi.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class B2ErrorsTest {

  static Stream<Arguments> table() {
    return Stream.of(
        row("b2_list_file_names", 400, "bad_request", "", Kind.INVALID_INPUT),
        row(
            "b2_upload_file",
            400,
            "bad_request",
            "Sha1 did not match data received",
            Kind.INTEGRITY),
        row(
            "b2_upload_file",
            400,
            "bad_request",
            "Checksum did not match data received",
            Kind.INTEGRITY),
        row("b2_delete_file_version", 400, "file_not_present", "", Kind.NOT_FOUND),
        row("b2_hide_file", 400, "no_such_file", "", Kind.NOT_FOUND),
        row("b2_hide_file", 400, "already_hidden", "", Kind.NOT_FOUND),
        row("b2_get_upload_url", 400, "bad_bucket_id", "", Kind.BUCKET_NOT_FOUND),
        row("b2_list_file_names", 400, "invalid_bucket_id", "", Kind.BUCKET_NOT_FOUND),
        row(
            "b2_download_file_by_name",
            404,
            "not_found",
            "Bucket does not exist: photos",
            Kind.BUCKET_NOT_FOUND),
        row(
            "b2_download_file_by_name",
            404,
            "not_found",
            "File with such name does not exist",
            Kind.NOT_FOUND),
        row("b2_list_file_versions", 400, "invalid_file_id", "", Kind.NOT_FOUND),
        row("b2_create_bucket", 400, "duplicate_bucket_name", "", Kind.ALREADY_EXISTS),
        row("b2_create_bucket", 400, "too_many_buckets", "", Kind.QUOTA_EXCEEDED),
        row(
            "b2_delete_bucket",
            400,
            "cannot_delete_non_empty_bucket",
            "",
            Kind.PRECONDITION_FAILED),
        row("b2_list_file_names", 400, "out_of_range", "", Kind.INVALID_INPUT),
        row("b2_copy_file", 400, "source_too_large", "", Kind.INVALID_INPUT),
        row("b2_finish_large_file", 400, "part_sha1_mismatch", "", Kind.INTEGRITY),
        row("b2_finish_large_file", 400, "missing_part", "", Kind.UNEXPECTED),
        row("b2_upload_file", 400, "auth_token_limit", "", Kind.UNAVAILABLE),
        row("b2_create_bucket", 400, "bad_json", "", Kind.UNEXPECTED),
        row("b2_list_file_names", 400, "something_new", "", Kind.INVALID_INPUT),
        row("b2_authorize_account", 401, "bad_auth_token", "", Kind.PERMISSION_DENIED),
        row("b2_authorize_account", 401, "unauthorized", "", Kind.PERMISSION_DENIED),
        row("b2_list_file_names", 401, "unauthorized", "", Kind.PERMISSION_DENIED),
        row("b2_list_file_names", 401, "expired_auth_token", "", Kind.UNAVAILABLE),
        row("b2_list_file_names", 401, "bad_auth_token", "", Kind.UNAVAILABLE),
        row("b2_list_file_names", 401, "unsupported", "", Kind.UNSUPPORTED),
        row("b2_upload_file", 401, "unauthorized", "", Kind.UNAVAILABLE),
        row("b2_upload_part", 401, "expired_auth_token", "", Kind.UNAVAILABLE),
        row("b2_upload_file", 403, "storage_cap_exceeded", "", Kind.QUOTA_EXCEEDED),
        row("b2_get_upload_url", 403, "cap_exceeded", "", Kind.QUOTA_EXCEEDED),
        row("b2_list_file_names", 403, "transaction_cap_exceeded", "", Kind.QUOTA_EXCEEDED),
        row("b2_download_file_by_name", 403, "download_cap_exceeded", "", Kind.QUOTA_EXCEEDED),
        row("b2_download_file_by_name", 403, "access_denied", "", Kind.PERMISSION_DENIED),
        row("b2_download_file_by_name", 403, "unknown", "", Kind.PERMISSION_DENIED),
        row("b2_get_file_info", 404, "not_found", "", Kind.NOT_FOUND),
        row("b2_download_file_by_name", 404, "unknown", "", Kind.NOT_FOUND),
        row("b2_upload_file", 405, "method_not_allowed", "", Kind.UNEXPECTED),
        row("b2_upload_file", 408, "request_timeout", "", Kind.UNAVAILABLE),
        row("b2_update_bucket", 409, "conflict", "", Kind.PRECONDITION_FAILED),
        row(
            "b2_download_file_by_name",
            416,
            "range_not_satisfiable",
            "",
            Kind.RANGE_NOT_SATISFIABLE),
        row("b2_download_file_by_name", 416, "unknown", "", Kind.RANGE_NOT_SATISFIABLE),
        row("b2_list_file_names", 429, "too_many_requests", "", Kind.RATE_LIMITED),
        row("b2_list_file_names", 500, "internal_error", "", Kind.UNAVAILABLE),
        row("b2_upload_part", 503, "service_unavailable", "", Kind.UNAVAILABLE),
        row("b2_list_file_names", 504, "unknown", "", Kind.UNAVAILABLE),
        row("b2_list_file_names", 418, "teapot", "", Kind.UNEXPECTED));
  }

  private static Arguments row(String call, int status, String code, String message, Kind kind) {
    return Arguments.of(call, status, code, message, kind);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("table")
  void kind_b2Error_mapsPerTable(
      String call, int status, String code, String message, Kind expected) {
    assertThat(B2Errors.kind(new B2Exception(call, status, code, message, null)))
        .isEqualTo(expected);
  }

  @Test
  void translate_b2Error_carriesDetailRetryAfterAndCause() {
    B2Exception cause =
        new B2Exception(
            "b2_upload_file", 429, "too_many_requests", "slow down", Duration.ofSeconds(7));
    BackendException e = B2Errors.translate(cause);
    assertThat(e).hasCause(cause);
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.detail()).isEqualTo("b2 too_many_requests, 429: slow down");
  }

  @Test
  void translate_ioFailure_isUnavailableAndRetryable() {
    BackendException e =
        B2Errors.translate(new UncheckedIOException(new SocketTimeoutException("timeout")));
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.retryable()).isTrue();
    assertThat(B2Errors.translate(new IOException("reset")).kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void translate_executorFailure_isThatOfItsCause() {
    BackendException e =
        B2Errors.translate(new ExecutionException(new SocketTimeoutException("timeout")));
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void translate_executorFailureWithoutCause_isUnexpected() {
    ExecutionException failure = new ExecutionException((Throwable) null);
    BackendException e = B2Errors.translate(failure);
    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED);
    assertThat(e.getCause()).isSameAs(failure);
  }

  @Test
  void translate_localSourceFailure_isNotRetryable() {
    BackendException e =
        B2Errors.translate(
            new LocalSourceException(new java.nio.file.NoSuchFileException("/gone")));
    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void translate_backendException_isReturnedUnchanged() {
    BackendException original = BackendException.of(Kind.NOT_FOUND, null);
    assertThat(B2Errors.translate(original)).isSameAs(original);
  }

  @Test
  void translate_otherFailure_isUnexpected() {
    BackendException e = B2Errors.translate(new IllegalStateException("boom"));
    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED);
  }
}
