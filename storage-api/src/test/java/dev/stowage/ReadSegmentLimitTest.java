package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.StorageException.Kind;
import dev.stowage.memory.MemoryAdapter;
import org.junit.jupiter.api.Test;

/**
 * Names other clients stored under looser rules: with a read segment limit above the write limit,
 * such files can be read, listed, copied from and deleted, while writes stay held to the write limit.
 */
class ReadSegmentLimitTest {

  private static final String LONG = "x".repeat(40);

  private final MemoryAdapter memory = MemoryAdapter.create();

  private Filesystem strictView(int readLimit) {
    Capabilities caps =
        Capabilities.builder()
            .add(Capability.WRITE, Capability.SERVER_SIDE_COPY)
            .maxPathBytes(256)
            .maxSegmentBytes(16)
            .maxReadSegmentBytes(readLimit)
            .build();
    return Filesystem.of(new RecordingAdapter(memory, caps));
  }

  @Test
  void readDeleteCopyFrom_segmentBetweenWriteAndReadLimits_accepted() {
    Filesystem.of(memory).write("dir/" + LONG, "foreign");
    Filesystem fs = strictView(64);
    assertThat(fs.fileExists("dir/" + LONG)).isTrue();
    assertThat(fs.read("dir/" + LONG)).isEqualTo("foreign".getBytes());
    assertThat(fs.stat("dir/" + LONG).size()).isEqualTo(7);
    assertThat(fs.list("dir").toList())
        .extracting(StorageAttributes::path)
        .containsExactly("dir/" + LONG);
    fs.copy("dir/" + LONG, "dir/short");
    assertThat(fs.read("dir/short")).isEqualTo("foreign".getBytes());
    fs.delete("dir/" + LONG);
    assertThat(fs.fileExists("dir/" + LONG)).isFalse();
  }

  @Test
  void writes_segmentOverWriteLimit_stillRejected() {
    Filesystem fs = strictView(64);
    assertThatThrownBy(() -> fs.write("dir/" + LONG, "x"))
        .isInstanceOf(PathRejectedException.class)
        .extracting(e -> ((StorageException) e).kind())
        .isEqualTo(Kind.INVALID_INPUT);
    assertThatThrownBy(() -> fs.createDirectory(LONG)).isInstanceOf(PathRejectedException.class);
    fs.write("dir/short", "x");
    assertThatThrownBy(() -> fs.copy("dir/short", "dir/" + LONG))
        .isInstanceOf(PathRejectedException.class);
    assertThatThrownBy(() -> fs.read("dir/" + "y".repeat(65)))
        .isInstanceOf(PathRejectedException.class);
  }

  @Test
  void defaultReadLimit_equalsWriteLimit() {
    Capabilities caps = Capabilities.builder().maxSegmentBytes(16).build();
    assertThat(caps.maxReadSegmentBytes()).isEqualTo(16);
    assertThat(caps.toBuilder().maxReadSegmentBytes(40).build().maxReadSegmentBytes())
        .isEqualTo(40);
    Filesystem.of(memory).write(LONG, "x");
    assertThatThrownBy(() -> strictView(0).read(LONG)).isInstanceOf(PathRejectedException.class);
  }
}
