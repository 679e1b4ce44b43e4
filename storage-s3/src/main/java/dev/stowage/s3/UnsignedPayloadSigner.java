package dev.stowage.s3;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A SigV4 signer that sends bodies as {@code UNSIGNED-PAYLOAD} on {@code http://} endpoints too,
 * as presigned URLs do.
 *
 * <p>The SDK signs every body it sends over plain HTTP: a SHA-256 pass over the whole body before
 * sending, or, for uploads, the {@code aws-chunked} encoding with a signature per 128 KiB chunk,
 * which the SDK encodes and servers such as S3Proxy decode slowly (measured: a third of the
 * wire's rate on S3Proxy). HTTPS endpoints never pay it: there the SDK already sends the body
 * unsigned and TLS protects it.
 *
 * <p>The SigV4 canonical request names the method, path, query, signed headers and payload hash,
 * never the scheme, so this signer signs an {@code https} view of the request (where the SDK
 * honours "do not sign the payload") and sends the result over the original scheme. Only ports
 * other than 80 and 443 are treated so: on those the {@code Host} header the signer derives would
 * differ between the schemes, and the request is signed as the SDK would.
 */
final class UnsignedPayloadSigner extends ForwardingSigner {

  UnsignedPayloadSigner(AwsV4HttpSigner delegate) {
    super(delegate);
  }

  @Override
  public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
    SdkHttpRequest original = request.request();
    if (!applies(original) || request.payload().isEmpty()) {
      return delegate.sign(request);
    }
    SdkHttpRequest view = original.toBuilder().protocol("https").build();
    SignedRequest signed =
        delegate.sign(
            request.copy(
                b ->
                    b.request(view)
                        .putProperty(PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(CHUNK_ENCODING_ENABLED, false)));
    SdkHttpRequest back =
        signed.request().toBuilder().protocol(original.protocol()).port(original.port()).build();
    return signed.copy(b -> b.request(back));
  }

  /** Returns whether {@code r} goes over plain HTTP on a port where both schemes sign alike. */
  static boolean applies(SdkHttpRequest r) {
    return "http".equals(r.protocol()) && r.port() != 80 && r.port() != 443;
  }
}
