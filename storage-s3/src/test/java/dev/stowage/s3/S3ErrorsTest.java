package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Operation;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.WriteFailedException;
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
    assertThat(S3Errors.kind(403, "AccessDenied", false, "Transaction cap exceeded")).isEqualTo(Kind.QUOTA_EXCEEDED);
  }

  @Test
  void translate_serviceError_carriesOperationPathKindAndCodeWithoutMessage() {
    S3Exception e = serviceError(404, "NoSuchKey", "secret-looking message X-Amz-Signature=abc", null);

    StorageException se = S3Errors.translate(Operation.READ, "a/b.txt", null, e, false);

    assertThat(se).isInstanceOf(ReadFailedException.class).hasCause(e);
    assertThat(se.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(se.path()).isEqualTo("a/b.txt");
    assertThat(se.getMessage()).contains("'a/b.txt'", "NoSuchKey", "404").doesNotContain("Signature");
  }

  @Test
  void translate_slowDownWithRetryAfter_rateLimitedWithDelay() {
    S3Exception e = serviceError(503, "SlowDown", "slow", "7");

    StorageException se = S3Errors.translate(Operation.WRITE, "f", null, e, false);

    assertThat(se).isInstanceOf(WriteFailedException.class);
    assertThat(se.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(se.retryable()).isTrue();
    assertThat(se.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void translate_preconditionOnCreateOnlyWrite_alreadyExists() {
    S3Exception e = serviceError(412, "PreconditionFailed", "At least one of the pre-conditions failed", null);

    assertThat(S3Errors.translate(Operation.WRITE, "f", null, e, true).kind()).isEqualTo(Kind.ALREADY_EXISTS);
  }

  @Test
  void translate_clientException_unavailableAndRetryable() {
    SdkClientException e = SdkClientException.builder().message("Unable to execute HTTP request: http://h/?X-Amz-Signature=s")
        .cause(new ConnectException("refused")).build();

    StorageException se = S3Errors.translate(Operation.STAT, "f", null, e, false);

    assertThat(se.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(se.retryable()).isTrue();
    assertThat(se.getMessage()).contains("ConnectException").doesNotContain("Signature");
  }

  @Test
  void translate_uncheckedIo_unavailable() {
    UncheckedIOException e = new UncheckedIOException(new java.io.IOException("reset"));

    assertThat(S3Errors.translate(Operation.READ, "f", null, e, false).kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void translate_copyFailure_namesDestination() {
    S3Exception e = serviceError(403, "AccessDenied", "no", null);

    StorageException se = S3Errors.translate(Operation.COPY, "a", "b", e, false);

    assertThat(se.destination()).isEqualTo("b");
    assertThat(se.kind()).isEqualTo(Kind.PERMISSION_DENIED);
  }

  @Test
  void translate_storageException_returnedUnchanged() {
    StorageException original = StorageException.of(Operation.READ, "x", Kind.INTEGRITY, null, null);

    assertThat(S3Errors.translate(Operation.WRITE, "y", null, original, false)).isSameAs(original);
  }

  private static S3Exception serviceError(int status, String code, String message, String retryAfter) {
    SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
    if (retryAfter != null) {
      http.putHeader("Retry-After", retryAfter);
    }
    return (S3Exception) S3Exception.builder().statusCode(status).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
            .sdkHttpResponse(http.build()).build())
        .build();
  }
}
