package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class Md5OnlySignerTest {

  private static final byte[] BODY =
      "<Delete><Object><Key>a</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8);

  private final Md5OnlySigner signer = new Md5OnlySigner(AwsV4HttpSigner.create());

  @Test
  void sign_requiredChecksum_replacedByContentMd5OfTheBodyAndSigned() throws Exception {
    SdkHttpRequest request = request().putHeader("x-amz-sdk-checksum-algorithm", "CRC32").build();

    SignedRequest signed =
        signer.sign(
            r ->
                r.request(request)
                    .payload(ContentStreamProvider.fromByteArray(BODY))
                    .identity(AwsCredentialsIdentity.create("AKIDEXAMPLE", "not-a-secret"))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-004")
                    .putProperty(
                        AwsV4HttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32));

    String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(BODY));
    assertThat(signed.request().firstMatchingHeader("Content-MD5")).contains(md5);
    assertThat(signed.request().headers().keySet())
        .noneMatch(h -> h.toLowerCase().startsWith("x-amz-checksum-"))
        .noneMatch(h -> h.equalsIgnoreCase("x-amz-sdk-checksum-algorithm"));
    assertThat(signed.request().firstMatchingHeader("Authorization").orElseThrow())
        .contains("content-md5")
        .doesNotContain("checksum");
  }

  @Test
  void sign_noChecksumWanted_leftAsTheSdkSignerMakesIt() {
    SignedRequest signed =
        signer.sign(
            r ->
                r.request(request().build())
                    .payload(ContentStreamProvider.fromByteArray(BODY))
                    .identity(AwsCredentialsIdentity.create("AKIDEXAMPLE", "not-a-secret"))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-004"));

    assertThat(signed.request().firstMatchingHeader("Content-MD5")).isEmpty();
    assertThat(signed.request().firstMatchingHeader("Authorization")).isPresent();
  }

  private static SdkHttpRequest.Builder request() {
    return SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .protocol("https")
        .host("s3.us-west-004.backblazeb2.com")
        .encodedPath("/bucket")
        .putRawQueryParameter("delete", "")
        .putHeader("Content-Type", "application/xml")
        .putHeader("Content-Length", String.valueOf(BODY.length));
  }
}
