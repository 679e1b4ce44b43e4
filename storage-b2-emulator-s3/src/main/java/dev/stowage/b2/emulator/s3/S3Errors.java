package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 error answers as the S3 face renders them (S3Proxy turns these exceptions into S3 error documents). */
final class S3Errors {
  private S3Errors() {}

  static S3Exception of(int status, String code, @Nullable String message) {
    return (S3Exception)
        S3Exception.builder()
            .message(message)
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage(message)
                    .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                    .build())
            .build();
  }

  static S3Exception accessDenied(@Nullable String message) {
    return of(403, "AccessDenied", message);
  }

  static S3Exception invalidArgument(@Nullable String message) {
    return of(400, "InvalidArgument", message);
  }

  static S3Exception noSuchBucket(String bucket) {
    return of(404, "NoSuchBucket", "The specified bucket does not exist: " + bucket);
  }

  static S3Exception noSuchUpload(String uploadId) {
    return of(404, "NoSuchUpload", "The specified upload does not exist: " + uploadId);
  }

  /** Translates a refusal of the emulator's store into the S3 error B2's S3 API answers with. */
  static S3Exception from(EmulatorStore.Refused r) {
    return switch (r.status()) {
      case 401, 403 -> accessDenied(r.getMessage());
      case 404 -> of(404, "NoSuchKey", r.getMessage());
      case 409 -> of(409, "Conflict", r.getMessage());
      case 400 ->
          switch (r.code()) {
            case "bad_digest" ->
                of(
                    400,
                    "BadDigest",
                    "The Content-MD5 you specified did not match what we " + "received.");
            case "duplicate_bucket_name" -> of(409, "BucketAlreadyExists", r.getMessage());
            case "cannot_delete_non_empty_bucket" -> of(409, "BucketNotEmpty", r.getMessage());
            default -> invalidArgument(r.getMessage());
          };
      default ->
          of(
              r.status() >= 500 ? 500 : 400,
              r.status() >= 500 ? "InternalError" : "InvalidRequest",
              r.getMessage());
    };
  }
}
