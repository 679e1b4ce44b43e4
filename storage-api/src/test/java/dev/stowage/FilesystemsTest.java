package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilesystemsTest {

  @Test
  void schemes_includeMemoryFromServiceLoader() {
    assertThat(Filesystems.schemes()).contains("memory");
  }

  @Test
  void open_memory_isAFreshStoreEachTime() {
    try (Filesystem a = Filesystems.open("memory:");
        Filesystem b = Filesystems.open("memory:")) {
      a.write("x", "1");
      assertThat(a.fileExists("x")).isTrue();
      assertThat(b.fileExists("x")).isFalse();
    }
  }

  @Test
  void open_namedMemory_isSharedWithinTheJvm() {
    Filesystems.open("memory:filesystems-test").write("shared", "1");
    assertThat(Filesystems.open("memory:filesystems-test").fileExists("shared")).isTrue();
    assertThat(Filesystems.open("memory:/filesystems-test").fileExists("shared")).isTrue();
    assertThat(Filesystems.open("memory://filesystems-test").fileExists("shared")).isTrue();
  }

  @Test
  void open_queryParameters_configureTheAdapter() {
    Filesystem fs = Filesystems.open("memory:?multipartThreshold=100&partSize=50&maxPathBytes=10");
    assertThat(fs.capabilities().has(Capability.MULTIPART)).isTrue();
    assertThat(fs.capabilities().partSize()).isEqualTo(50);
    assertThat(fs.capabilities().maxPathBytes()).isEqualTo(10);
  }

  @Test
  void open_settingsWinOverQuery() {
    Filesystem fs =
        Filesystems.open(
            URI.create("memory:x-settings?maxPathBytes=10"), Map.of("maxPathBytes", "20"));
    assertThat(fs.capabilities().maxPathBytes()).isEqualTo(20);
  }

  @Test
  void query_isDecoded() {
    assertThat(Filesystems.query(URI.create("s3://b/p?endpoint=http%3A%2F%2Fh%3A9000&flag")))
        .containsEntry("endpoint", "http://h:9000")
        .containsEntry("flag", "");
    assertThat(Filesystems.query(URI.create("memory:n?a=b"))).containsEntry("a", "b");
  }

  @Test
  void open_unknownScheme_listsKnownSchemes() {
    assertThatThrownBy(() -> Filesystems.open("ftp://host/dir"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp")
        .hasMessageContaining("memory");
  }

  @Test
  void open_userInfo_isRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> Filesystems.open("s3://AKIAEXAMPLE:wJalrXUtnFEMIsecret@bucket/prefix"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("credentials")
        .hasMessageNotContaining("wJalrXUtnFEMIsecret")
        .hasMessageNotContaining("AKIAEXAMPLE");
  }

  @Test
  void open_secretWithSlash_isStillRejected() {
    assertThatThrownBy(() -> Filesystems.open("b2://keyId:sec/ret@bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sec/ret")
        .hasMessageNotContaining("keyId");
  }

  @Test
  void open_secretInQuery_isRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> Filesystems.open("s3://bucket?secretAccessKey=topsecret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void open_malformedUri_doesNotEchoIt() {
    assertThatThrownBy(() -> Filesystems.open("s3://bucket/a b?key=hunter2 x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
  }
}
