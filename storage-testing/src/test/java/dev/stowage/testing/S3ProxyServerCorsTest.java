package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3ProxyServerCorsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void corsAnyLoopbackPort_preflightFromAnyPortOfLoopback_isAllowed_localhostIsNot()
      throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.builder().bucket("pages").corsAnyLoopbackPort().start()) {
      assertThat(allowedOrigin(s3, "http://127.0.0.1:8080")).contains("http://127.0.0.1:8080");
      assertThat(allowedOrigin(s3, "http://127.0.0.1:54321")).contains("http://127.0.0.1:54321");
      assertThat(allowedOrigin(s3, "http://localhost:8080")).isEmpty();
      assertThat(allowedOrigin(s3, "http://127.0.0.1.evil.example:8080")).isEmpty();
    }
  }

  @Test
  void corsOriginPattern_addsToExactOrigins() throws Exception {
    try (S3ProxyServer s3 =
        S3ProxyServer.builder()
            .bucket("pages")
            .corsOrigins(List.of("http://localhost:9000"))
            .corsOriginPattern("https://[a-z]+\\.test")
            .start()) {
      assertThat(allowedOrigin(s3, "http://localhost:9000")).contains("http://localhost:9000");
      assertThat(allowedOrigin(s3, "https://app.test")).contains("https://app.test");
      assertThat(allowedOrigin(s3, "https://app.test.other")).isEmpty();
      assertThat(allowedOrigin(s3, "http://localhost:9001")).isEmpty();
    }
  }

  @Test
  void noCors_preflightIsRefused() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.builder().bucket("pages").start()) {
      assertThat(allowedOrigin(s3, "http://127.0.0.1:8080")).isEmpty();
    }
  }

  @Test
  void corsOriginPattern_invalidOrBlank_failsNamingThePattern() {
    assertThatThrownBy(() -> S3ProxyServer.builder().corsOriginPattern("http://(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://(unclosed");
    assertThatThrownBy(() -> S3ProxyServer.builder().corsOriginPattern(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CORS origin pattern");
  }

  /** Sends a CORS preflight for a PUT and returns the origin the server allowed, if any. */
  private static Optional<String> allowedOrigin(S3ProxyServer s3, String origin) throws Exception {
    HttpRequest preflight =
        HttpRequest.newBuilder(URI.create(s3.endpoint() + "/pages/a.txt"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .build();
    HttpResponse<String> response = HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return Optional.empty();
    }
    return response.headers().firstValue("Access-Control-Allow-Origin");
  }
}
