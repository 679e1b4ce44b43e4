package dev.stowage.s3;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Raised inside the SDK when no credentials could be found anywhere the adapter looks, so that
 * {@link S3Errors} can tell it from a network failure: it becomes a PERMISSION_DENIED
 * {@link dev.stowage.StorageException} (not retried) whose message says what to set. It carries no
 * secret and none of the SDK's own message.
 */
final class MissingCredentialsException extends SdkClientException {

  private static final long serialVersionUID = 1L;

  /** What the user can set; the message of every instance. */
  static final String HINT =
      "no S3 credentials found: set AWS_ACCESS_KEY_ID and"
          + " AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile of the AWS credentials file,"
          + " or the accessKey and secretKey settings (S3Config.Builder.credentials)";

  MissingCredentialsException() {
    super(SdkClientException.builder().message(HINT));
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
