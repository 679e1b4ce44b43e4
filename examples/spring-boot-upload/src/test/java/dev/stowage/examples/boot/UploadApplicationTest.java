package dev.stowage.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.S3ProxyExtension;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The application over real HTTP against a real storage server. Both backends' settings are
 * registered here; a subclass sets {@code stowage.uri} and nothing else, and runs the same tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UploadApplicationTest {

  @Autowired TestRestTemplate http;

  @RegisterExtension static final B2EmulatorExtension B2 = TestServers.b2();

  @RegisterExtension static final S3ProxyExtension S3 = TestServers.s3();

  @DynamicPropertySource
  static void backends(DynamicPropertyRegistry registry) {
    TestServers.register(registry, B2, S3);
  }

  /** Returns the keys in the bucket, as the server's own client lists them. */
  abstract List<String> keysInBucket();

  @Test
  void upload_thenListAndDownload_returnsTheSameBytes() {
    byte[] photo = new byte[300_000];
    new Random(42).nextBytes(photo);
    ResponseEntity<StoredFile> created = upload("photo.bin", photo, MediaType.IMAGE_PNG);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).isEqualTo(new StoredFile("photo.bin", photo.length));
    assertThat(created.getHeaders().getLocation()).hasPath("/uploads/photo.bin");
    assertThat(upload("notes.txt", "hello".getBytes(), MediaType.TEXT_PLAIN).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ResponseEntity<List<StoredFile>> listed =
        http.exchange("/uploads", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(listed.getBody())
        .contains(new StoredFile("notes.txt", 5), new StoredFile("photo.bin", photo.length));

    ResponseEntity<byte[]> served = http.getForEntity("/uploads/photo.bin", byte[].class);
    assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    assertThat(served.getBody()).isEqualTo(photo);

    assertThat(keysInBucket()).contains("uploads/photo.bin", "uploads/notes.txt");
  }

  @Test
  void upload_nameWithDirectories_isStoredUnderItsLastSegment() {
    ResponseEntity<StoredFile> created =
        upload("C:\\Users\\me\\../../report 2026.csv", "a,b".getBytes(), MediaType.TEXT_PLAIN);
    assertThat(created.getBody()).isEqualTo(new StoredFile("report 2026.csv", 3));
    assertThat(http.getForObject("/uploads/report 2026.csv", String.class)).isEqualTo("a,b");
    assertThat(keysInBucket()).contains("uploads/report 2026.csv");
  }

  @Test
  void upload_nameThatIsOnlyADirectory_isBadRequest() {
    assertThat(upload("..", "x".getBytes(), MediaType.TEXT_PLAIN).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void download_missingFile_isNotFound() {
    ResponseEntity<Map<String, Object>> missing =
        http.exchange(
            "/uploads/never-uploaded.txt",
            HttpMethod.GET,
            null,
            new ParameterizedTypeReference<>() {});
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).containsEntry("kind", "NOT_FOUND");
  }

  @Test
  void health_reportsTheBackendUp() {
    ResponseEntity<Map<String, Object>> health =
        http.exchange(
            "/actuator/health/stowage",
            HttpMethod.GET,
            null,
            new ParameterizedTypeReference<>() {});
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).containsEntry("status", "UP");
  }

  private ResponseEntity<StoredFile> upload(String filename, byte[] content, MediaType type) {
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(type);
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add(
        "file",
        new HttpEntity<>(
            new ByteArrayResource(content) {
              @Override
              public String getFilename() {
                return filename;
              }
            },
            partHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity("/uploads", new HttpEntity<>(body, headers), StoredFile.class);
  }
}
