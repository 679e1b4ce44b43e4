package dev.stowage.s3;

import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/** SigV4 with {@link Md5OnlySigner}, registered on the client for profiles that need it. */
final class Md5OnlyAuthScheme implements AwsV4AuthScheme {

  private final AwsV4HttpSigner signer = new Md5OnlySigner(AwsV4HttpSigner.create());

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
