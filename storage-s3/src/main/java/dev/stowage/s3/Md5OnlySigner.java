package dev.stowage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A SigV4 signer for providers that reject the SDK's flexible checksums (Backblaze B2): it drops
 * {@code x-amz-sdk-checksum-algorithm} and {@code x-amz-checksum-*}, tells the SDK signer not to
 * add a checksum, and sends {@code Content-MD5} of the exact body instead, then signs.
 *
 * <p>Why a signer and not an {@code ExecutionInterceptor}: in SDK 2.57 the algorithm header is
 * added by a pipeline stage after {@code modifyHttpRequest} runs, and the checksum header by the
 * signer itself, so an interceptor never sees them, and removing them after signing would break
 * the signature. With {@code requestChecksumCalculation(WHEN_REQUIRED)} only operations that
 * require a checksum reach this path (DeleteObjects, PutBucketCors…), and their bodies are small.
 */
final class Md5OnlySigner extends ForwardingSigner {

  static final String ALGORITHM_HEADER = "x-amz-sdk-checksum-algorithm";
  static final String CHECKSUM_HEADER_PREFIX = "x-amz-checksum-";

  Md5OnlySigner(AwsV4HttpSigner delegate) {
    super(delegate);
  }

  @Override
  public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
    SdkHttpRequest http = request.request();
    if (request.property(CHECKSUM_ALGORITHM) == null && !hasChecksumHeader(http)) {
      return delegate.sign(request);
    }
    SdkHttpRequest.Builder stripped = http.toBuilder();
    for (String name : http.headers().keySet()) {
      if (isChecksumHeader(name)) {
        stripped.removeHeader(name);
      }
    }
    if (http.firstMatchingHeader("Content-MD5").isEmpty() && request.payload().isPresent()) {
      stripped.putHeader("Content-MD5", md5Base64(request.payload().get()));
    }
    SdkHttpRequest replaced = stripped.build();
    return delegate.sign(
        request.copy(b -> b.request(replaced).putProperty(CHECKSUM_ALGORITHM, null)));
  }

  static boolean isChecksumHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals(ALGORITHM_HEADER) || n.startsWith(CHECKSUM_HEADER_PREFIX);
  }

  private static boolean hasChecksumHeader(SdkHttpRequest http) {
    return http.headers().keySet().stream().anyMatch(Md5OnlySigner::isChecksumHeader);
  }

  static String md5Base64(ContentStreamProvider payload) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks MD5", e);
    }
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = payload.newStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        md5.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body for Content-MD5 failed", e);
    }
    return Base64.getEncoder().encodeToString(md5.digest());
  }
}
