package dev.stowage.s3;

import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 with the adapter's signer decorators, registered on every client: {@link UnsignedPayloadSigner}
 * unless the payload is to be signed, and {@link Md5OnlySigner} for profiles that reject the SDK's
 * checksum headers.
 */
final class SigningScheme implements AwsV4AuthScheme {

  private final AwsV4HttpSigner signer;

  SigningScheme(boolean signPayload, boolean md5Only) {
    AwsV4HttpSigner s = AwsV4HttpSigner.create();
    if (!signPayload) {
      s = new UnsignedPayloadSigner(s);
    }
    this.signer = md5Only ? new Md5OnlySigner(s) : s;
  }

  @Override
  public String schemeId() {
    return SCHEME_ID;
  }

  @Override
  public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
    return providers.identityProvider(AwsCredentialsIdentity.class);
  }

  @Override
  public AwsV4HttpSigner signer() {
    return signer;
  }
}
