package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileAttributesTest {

  private static FileAttributes full() {
    return FileAttributes.builder("a/b.txt", 3)
        .lastModified(Instant.ofEpochSecond(7))
        .contentType("text/plain")
        .visibility(Visibility.PUBLIC)
        .etag("e")
        .checksums(Map.of(ChecksumAlgorithm.MD5, "00"))
        .version("v1")
        .userMetadata(Map.of("k", "v"))
        .cacheControl("no-cache")
        .contentDisposition("inline")
        .contentEncoding("gzip")
        .build();
  }

  @Test
  void builder_everyComponent_landsInItsOwnField() {
    FileAttributes a = full();
    assertThat(a)
        .isEqualTo(
            new FileAttributes(
                "a/b.txt",
                3,
                Instant.ofEpochSecond(7),
                "text/plain",
                Visibility.PUBLIC,
                "e",
                Map.of(ChecksumAlgorithm.MD5, "00"),
                "v1",
                Map.of("k", "v"),
                "no-cache",
                "inline",
                "gzip"));
  }

  @Test
  void builder_onlyPathAndSize_leavesTheRestUnknown() {
    FileAttributes a = FileAttributes.builder("f", 0).build();
    assertThat(a.lastModified()).isNull();
    assertThat(a.contentType()).isNull();
    assertThat(a.checksums()).isEmpty();
    assertThat(a.userMetadata()).isEmpty();
    assertThat(a).isEqualTo(FileAttributes.of("f", 0));
  }

  @Test
  void toBuilder_roundTrip_isEqualAndChangesOnlyWhatIsSet() {
    FileAttributes a = full();
    assertThat(a.toBuilder().build()).isEqualTo(a);
    FileAttributes moved = a.withPath("c/d.txt");
    assertThat(moved.path()).isEqualTo("c/d.txt");
    assertThat(moved.toBuilder().path("a/b.txt").build()).isEqualTo(a);
    assertThat(a.withVisibility(Visibility.PRIVATE).visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(a.withContentType("image/png").contentType()).isEqualTo("image/png");
  }

  @Test
  void builder_mapsAreCopied_laterChangesDoNotLeakIn() {
    Map<String, String> metadata = new HashMap<>(Map.of("k", "v"));
    FileAttributes a = FileAttributes.builder("f", 1).userMetadata(metadata).build();
    metadata.put("x", "y");
    assertThat(a.userMetadata()).containsOnlyKeys("k");
  }

  @Test
  void build_negativeSizeOrNullPath_fails() {
    assertThatThrownBy(() -> FileAttributes.builder("f", -1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> FileAttributes.builder(null, 1).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("path");
  }
}
