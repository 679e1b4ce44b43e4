package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

/** The one S3 client factory, as the adapter and the setup utility use it, on a recording loopback server. */
class S3ClientFactoryTest {

  private HttpServer server;
  private final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(Map.copyOf(exchange.getRequestHeaders()));
          exchange.getRequestBody().readAllBytes();
          byte[] body = "".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void build_contentMd5Only_configurationCallCarriesContentMd5AndNoChecksumHeader() {
    try (S3Client s3 = client(true)) {
      putCors(s3);
    }

    Map<String, List<String>> headers = requests.get(0);
    assertThat(header(headers, "Content-MD5")).isNotNull();
    assertThat(headers.keySet())
        .noneMatch(h -> h.toLowerCase().startsWith("x-amz-checksum-"))
        .noneMatch(h -> h.equalsIgnoreCase("x-amz-sdk-checksum-algorithm"));
  }

  @Test
  void build_sdkChecksums_configurationCallCarriesTheSdkChecksumHeader() {
    try (S3Client s3 = client(false)) {
      putCors(s3);
    }

    // The positive control: without the flag the SDK's own checksum header goes out, which B2
    // refuses.
    assertThat(requests.get(0).keySet())
        .anyMatch(h -> h.toLowerCase().startsWith("x-amz-checksum-"));
  }

  @Test
  void maxConnections_zero_refusedNamingTheOption() {
    assertThatThrownBy(() -> S3ClientFactory.builder().maxConnections(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConnections");
  }

  @Test
  void region_blank_refusedNamingTheOption() {
    assertThatThrownBy(() -> S3ClientFactory.builder().region(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region");
  }

  private S3Client client(boolean contentMd5Only) {
    return S3ClientFactory.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region("us-west-004")
        .pathStyle(true)
        .credentials(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")))
        .contentMd5Only(contentMd5Only)
        .build();
  }

  private static void putCors(S3Client s3) {
    s3.putBucketCors(
        r ->
            r.bucket("bucket")
                .corsConfiguration(
                    c ->
                        c.corsRules(
                            CORSRule.builder()
                                .allowedMethods("PUT")
                                .allowedOrigins("https://example.com")
                                .build())));
  }

  private static String header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
