package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.StorageException.Kind;
import dev.stowage.spi.BackendException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {

  @ParameterizedTest(name = "{0} {1} createOnly={2} -> {3}")
  @CsvSource({
    "404, NoSuchKey, false, NOT_FOUND",
    "404, NoSuchBucket, false, BUCKET_NOT_FOUND",
    "404, , false, NOT_FOUND",
    "403, AccessDenied, false, PERMISSION_DENIED",
    "403, SignatureDoesNotMatch, false, PERMISSION_DENIED",
    "403, , false, PERMISSION_DENIED",
    "412, PreconditionFailed, true, ALREADY_EXISTS",
    "412, PreconditionFailed, false, PRECONDITION_FAILED",
    "409, ConditionalRequestConflict, true, ALREADY_EXISTS",
    "412, , true, ALREADY_EXISTS",
    "503, SlowDown, false, RATE_LIMITED",
    "503, , false, RATE_LIMITED",
    "429, , false, RATE_LIMITED",
    "416, InvalidRange, false, RANGE_NOT_SATISFIABLE",
    "416, , false, RANGE_NOT_SATISFIABLE",
    "500, InternalError, false, UNAVAILABLE",
    "502, , false, UNAVAILABLE",
    "504, , false, UNAVAILABLE",
    "501, NotImplemented, false, UNSUPPORTED",
    "400, KeyTooLongError, false, INVALID_INPUT",
    "400, BadDigest, false, INTEGRITY",
    "400, InvalidArgument, false, UNEXPECTED",
    "409, BucketNotEmpty, false, UNEXPECTED"
  })
  void kind_statusAndCode_mapsToKind(int status, String code, boolean createOnly, Kind expected) {
    assertThat(S3Errors.kind(status, code, createOnly, null)).isEqualTo(expected);
  }

  @Test
  void kind_capExceededMessage_quotaExceeded() {
    assertThat(S3Errors.kind(403, "AccessDenied", false, "Transaction cap exceeded"))
        .isEqualTo(Kind.QUOTA_EXCEEDED);
  }

  @Test
  void translate_serviceError_carriesKindAndCodeWithoutMessage() {
    S3Exception e =
        serviceError(404, "NoSuchKey", "secret-looking message X-Amz-Signature=abc", null);

    BackendException se = S3Errors.translate(e, false);

    assertThat(se).hasCause(e);
    assertThat(se.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(se.detail()).isEqualTo("s3 NoSuchKey, 404");
    assertThat(se.getMessage()).contains("NoSuchKey", "404").doesNotContain("Signature");
  }

  @Test
  void translate_slowDownWithRetryAfter_rateLimitedWithDelay() {
    S3Exception e = serviceError(503, "SlowDown", "slow", "7");

    BackendException se = S3Errors.translate(e, false);

    assertThat(se.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(se.retryable()).isTrue();
    assertThat(se.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void translate_preconditionOnCreateOnlyWrite_alreadyExists() {
    S3Exception e =
        serviceError(412, "PreconditionFailed", "At least one of the pre-conditions failed", null);

    assertThat(S3Errors.translate(e, true).kind()).isEqualTo(Kind.ALREADY_EXISTS);
  }

  @Test
  void translate_clientException_unavailableAndRetryable() {
    SdkClientException e =
        SdkClientException.builder()
            .message("Unable to execute HTTP request: http://h/?X-Amz-Signature=s")
            .cause(new ConnectException("refused"))
            .build();

    BackendException se = S3Errors.translate(e, false);

    assertThat(se.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(se.retryable()).isTrue();
    assertThat(se.getMessage()).contains("ConnectException").doesNotContain("Signature");
  }

  @Test
  void translate_uncheckedIo_unavailable() {
    UncheckedIOException e = new UncheckedIOException(new java.io.IOException("reset"));

    assertThat(S3Errors.translate(e, false).kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void translate_backendException_returnedUnchanged() {
    BackendException original = BackendException.of(Kind.INTEGRITY, null);

    assertThat(S3Errors.translate(original, false)).isSameAs(original);
  }

  private static S3Exception serviceError(
      int status, String code, String message, String retryAfter) {
    SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
    if (retryAfter != null) {
      http.putHeader("Retry-After", retryAfter);
    }
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .message(message)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage(message)
                    .sdkHttpResponse(http.build())
                    .build())
            .build();
  }
}
