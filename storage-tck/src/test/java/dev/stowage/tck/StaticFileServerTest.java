package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.memory.MemoryAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit tests of {@link StaticFileServer}: what it answers for each kind of request. */
@Timeout(30)
class StaticFileServerTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final WriteOptions PUBLIC =
      WriteOptions.builder().visibility(Visibility.PUBLIC).build();
  private static final WriteOptions PRIVATE =
      WriteOptions.builder().visibility(Visibility.PRIVATE).build();

  private StaticFileServer server;
  private Filesystem fs;

  @BeforeEach
  void start() {
    server = StaticFileServer.start();
    MemoryAdapter adapter = MemoryAdapter.builder().publicUrlBase(server.base()).build();
    server.serve(adapter);
    fs = Filesystem.of(adapter);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, URI url) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void base_isLoopbackHttpEndingInSlash() {
    assertThat(server.base().getScheme()).isEqualTo("http");
    assertThat(server.base().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.base().getPath()).endsWith("/");
  }

  @Test
  void get_publicFile_servesItsBytesAndType() throws Exception {
    fs.write("dir/a file ü.txt", "public bytes", PUBLIC);
    HttpResponse<String> response = send("GET", fs.publicUrl("dir/a file ü.txt"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("public bytes");
    assertThat(response.headers().firstValue("Content-Type")).isPresent();
  }

  @ParameterizedTest
  @CsvSource({"HEAD, bytes", "GET, ''"})
  void headOrEmptyFile_answers200WithAnEmptyBody(String method, String content) throws Exception {
    fs.write("e.txt", content, PUBLIC);
    HttpResponse<String> response = send(method, fs.publicUrl("e.txt"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void get_privateFile_isForbiddenAndLeaksNothing() throws Exception {
    fs.write("secret.txt", "private bytes", PRIVATE);
    HttpResponse<String> response = send("GET", fs.publicUrl("secret.txt"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("private bytes");
  }

  @Test
  void get_fileMadePrivateLater_isForbidden() throws Exception {
    fs.write("flip.txt", "bytes", PUBLIC);
    URI url = fs.publicUrl("flip.txt");
    assertThat(send("GET", url).statusCode()).isEqualTo(200);
    fs.setVisibility("flip.txt", Visibility.PRIVATE);
    assertThat(send("GET", url).statusCode()).isEqualTo(403);
  }

  @Test
  void get_missingFile_isNotFound() throws Exception {
    assertThat(send("GET", server.base().resolve("absent.txt")).statusCode()).isEqualTo(404);
  }

  @Test
  void get_outsideTheBase_isNotFound() throws Exception {
    fs.write("a.txt", "bytes", PUBLIC);
    URI outside = URI.create("http://127.0.0.1:" + server.base().getPort() + "/a.txt");
    assertThat(send("GET", outside).statusCode()).isEqualTo(404);
  }

  @Test
  void get_hostilePath_isRefusedAndServesNothing() throws Exception {
    fs.write("a.txt", "bytes", PUBLIC);
    URI hostile = URI.create(server.base() + "x/%2E%2E/%2E%2E/a.txt");
    HttpResponse<String> response = send("GET", hostile);
    assertThat(response.statusCode()).isIn(403, 404);
    assertThat(response.body()).doesNotContain("bytes");
  }

  @Test
  void otherMethods_areNotAllowedAndChangeNothing() throws Exception {
    fs.write("a.txt", "bytes", PUBLIC);
    for (String method : new String[] {"PUT", "DELETE", "POST"}) {
      HttpResponse<String> response = send(method, fs.publicUrl("a.txt"));
      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }
    assertThat(fs.readString("a.txt")).isEqualTo("bytes");
  }

  @Test
  void get_beforeServe_isNotFound() throws Exception {
    try (StaticFileServer idle = StaticFileServer.start()) {
      assertThat(send("GET", idle.base().resolve("a.txt")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void close_stopsAnswering() {
    URI base = server.base();
    server.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("GET", base.resolve("a.txt")))
        .isInstanceOf(java.io.IOException.class);
  }
}
