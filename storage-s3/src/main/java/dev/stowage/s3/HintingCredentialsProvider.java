package dev.stowage.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Wraps a credentials provider (the AWS default chain, usually) so that "nothing found" fails
 * with a {@link MissingCredentialsException} naming what to set, instead of a generic client
 * error that reads like a network failure. Other failures pass through unchanged.
 */
final class HintingCredentialsProvider implements AwsCredentialsProvider {

  private final AwsCredentialsProvider delegate;

  HintingCredentialsProvider(AwsCredentialsProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    try {
      return delegate.resolveCredentials();
    } catch (MissingCredentialsException e) {
      throw e;
    } catch (SdkClientException e) {
      MissingCredentialsException missing = new MissingCredentialsException();
      missing.addSuppressed(e);
      throw missing;
    }
  }

  @Override
  public String toString() {
    return "HintingCredentialsProvider[" + delegate.getClass().getSimpleName() + "]";
  }
}
