package dev.stowage.s3;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A SigV4 signer decorator: subclasses change how synchronous requests are signed, and
 * asynchronous ones (the adapter only uses the synchronous client) are signed by the delegate
 * unchanged.
 */
abstract class ForwardingSigner implements AwsV4HttpSigner {

  final AwsV4HttpSigner delegate;

  ForwardingSigner(AwsV4HttpSigner delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public final CompletableFuture<AsyncSignedRequest> signAsync(
      AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
    return delegate.signAsync(request);
  }
}
