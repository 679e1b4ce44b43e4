package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.testing.S3ProxyExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keys holding characters XML 1.0 cannot carry (ESC, BEL) must not break listings of the whole
 * bucket, nor deleting the directory around them: listings ask for URL-encoded keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlCharacterKeyTest {

  private static final String ESC_KEY = "dir/esc\u001b[31mred.txt";
  private static final String BEL_KEY = "dir/sub/bell\u0007.txt";

  @RegisterExtension
  static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("control-keys").perTest();

  private S3Client client;

  @BeforeEach
  void start() {
    client = EmbeddedS3Proxy.client(S3.server());
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void list_keysWithControlCharacters_listedShallowAndDeep() {
    String bucket = bucketWithControlKeys();
    try (Filesystem fs =
        Filesystem.of(S3Adapter.create(EmbeddedS3Proxy.config(S3.server(), bucket).build()))) {
      List<String> shallowRoot = paths(fs.list(""));
      List<String> shallow = paths(fs.list("dir"));
      List<String> deep = paths(fs.list("", true));

      assertThat(shallowRoot).containsExactly("d:dir", "f:plain.txt");
      assertThat(shallow)
          .containsExactly("f:dir/esc\u001b[31mred.txt", "f:dir/plain.txt", "d:dir/sub");
      assertThat(deep)
          .containsExactly(
              "d:dir",
              "f:dir/esc\u001b[31mred.txt",
              "f:dir/plain.txt",
              "d:dir/sub",
              "f:dir/sub/bell\u0007.txt",
              "f:plain.txt");
      assertThat(fs.directoryExists("dir/sub")).isTrue();
    }
  }

  @Test
  void deleteDirectory_keysWithControlCharacters_deletesThemAll() {
    String bucket = bucketWithControlKeys();
    try (Filesystem fs =
        Filesystem.of(S3Adapter.create(EmbeddedS3Proxy.config(S3.server(), bucket).build()))) {
      fs.deleteDirectory("dir");

      assertThat(fs.directoryExists("dir")).isFalse();
      assertThat(client.listObjectsV2(b -> b.bucket(bucket).encodingType("url")).contents())
          .extracting(o -> o.key())
          .containsExactly("plain.txt");
    }
  }

  private String bucketWithControlKeys() {
    String bucket = "control-keys";
    put(bucket, ESC_KEY, "escape");
    put(bucket, BEL_KEY, "bell");
    put(bucket, "dir/plain.txt", "plain");
    put(bucket, "plain.txt", "root");
    return bucket;
  }

  private void put(String bucket, String key, String content) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
  }

  private static List<String> paths(dev.stowage.DirectoryListing entries) {
    return entries.stream()
        .map(e -> (e.isDirectory() ? "d:" : "f:") + e.path())
        .collect(Collectors.toList());
  }
}
