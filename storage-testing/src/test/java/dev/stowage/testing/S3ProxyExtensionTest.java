package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ProxyExtensionTest {

  @RegisterExtension
  static final S3ProxyExtension S3 =
      S3ProxyExtension.builder().bucket("reports").bucket("logs").perClass();

  private static final Set<S3ProxyServer> SEEN = ConcurrentHashMap.newKeySet();

  @AfterAll
  static void oneServerServedEveryTest() {
    assertThat(SEEN).hasSize(1);
  }

  @Test
  void buckets_declared_existAndTakeSignedWrites(S3ProxyServer injected) {
    SEEN.add(injected);
    assertThat(injected).isSameAs(S3.server());
    try (S3Client s3 = client(S3.settings())) {
      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("reports", "logs");
      s3.putObject(b -> b.bucket("reports").key("a.csv"), RequestBody.fromString("1,2"));
      assertThat(s3.getObjectAsBytes(b -> b.bucket("reports").key("a.csv")).asUtf8String())
          .isEqualTo("1,2");
    }
  }

  @Test
  void wrongSecret_isRefused() {
    SEEN.add(S3.server());
    Map<String, String> wrong = new java.util.HashMap<>(S3.settings());
    wrong.put("secretKey", "not-the-secret");
    try (S3Client s3 = client(wrong)) {
      assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("reports")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  void unsignedRequest_isRefused() throws Exception {
    SEEN.add(S3.server());
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(S3.endpoint() + "/reports")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void settingsAndUri_nameTheServerAndBucket() {
    SEEN.add(S3.server());
    assertThat(S3.settings())
        .containsEntry("endpoint", S3.endpoint().toString())
        .containsEntry("region", "us-east-1")
        .containsEntry("accessKey", S3.server().accessKey())
        .containsEntry("secretKey", S3.server().secretKey());
    assertThat(S3.uri("reports")).hasToString("s3://reports");
    assertThatThrownBy(() -> S3.uri("missing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
    assertThat(S3.server().toString()).doesNotContain(S3.server().secretKey());
  }

  @Test
  void builder_badBucketName_failsAtOnce() {
    SEEN.add(S3.server());
    assertThatThrownBy(() -> S3ProxyExtension.builder().bucket("Bad_Name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bad_Name");
    assertThatThrownBy(() -> S3ProxyExtension.builder().bucket("twice").bucket("twice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared twice");
  }

  @Nested
  class Inner {
    @Test
    void nestedClass_sharesTheOuterServer(S3ProxyServer injected) {
      SEEN.add(injected);
      assertThat(injected.bucketExists("reports")).isTrue();
    }
  }

  static S3Client client(Map<String, String> settings) {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(settings.get("endpoint")))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.get("accessKey"), settings.get("secretKey"))))
        .build();
  }
}
