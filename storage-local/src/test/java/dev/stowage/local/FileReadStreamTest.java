package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit tests of {@link FileReadStream}: small reads served ahead, large ones direct, ranges exact. */
class FileReadStreamTest {

  private static final int SIZE = FileReadStream.CHUNK * 3 + 12345;

  @TempDir Path dir;
  private Path file;
  private byte[] data;

  @BeforeEach
  void setUp() throws IOException {
    data = new byte[SIZE];
    new Random(7).nextBytes(data);
    file = Files.write(dir.resolve("data.bin"), data);
  }

  private SeekableByteChannel open() throws IOException {
    return FileChannel.open(file, StandardOpenOption.READ);
  }

  @Test
  void whole_mixedReadSizes_returnEveryByteInOrder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] sizes = {
      1,
      7,
      8192,
      FileReadStream.DIRECT - 1,
      FileReadStream.DIRECT,
      FileReadStream.CHUNK,
      3,
      FileReadStream.CHUNK + 5,
      100_000
    };
    try (InputStream in = FileReadStream.whole(open(), SIZE)) {
      byte[] b = new byte[FileReadStream.CHUNK * 2];
      for (int i = 0; ; i++) {
        if (i % 5 == 4) {
          int c = in.read();
          if (c < 0) {
            break;
          }
          out.write(c);
          continue;
        }
        int n = in.read(b, 3, sizes[i % sizes.length]);
        if (n < 0) {
          break;
        }
        out.write(b, 3, n);
      }
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void whole_smallReads_reachTheFileOncePerChunk() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountingChannel again = new CountingChannel(open());
    try (InputStream in = FileReadStream.whole(again, SIZE)) {
      // What InputStream.transferTo and Files.copy(InputStream, Path) do: 8 KiB at a time.
      byte[] piece = new byte[8192];
      for (int n; (n = in.read(piece, 0, piece.length)) >= 0; ) {
        out.write(piece, 0, n);
      }
    }
    assertThat(out.toByteArray()).isEqualTo(data);
    // Four chunks and the read that finds the end, not one read per 8 KiB piece (61).
    assertThat(again.reads).isLessThanOrEqualTo(SIZE / FileReadStream.CHUNK + 2);
  }

  @Test
  void whole_largeReads_goStraightToTheFile() throws IOException {
    CountingChannel channel = new CountingChannel(open());
    int piece = 64 * 1024;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = FileReadStream.whole(channel, SIZE)) {
      byte[] b = new byte[piece];
      for (int n; (n = in.read(b, 0, piece)) >= 0; ) {
        assertThat(n).isLessThanOrEqualTo(piece);
        out.write(b, 0, n);
      }
    }
    assertThat(out.toByteArray()).isEqualTo(data);
    // One read per piece and the one that finds the end: no detour through the buffer.
    assertThat(channel.reads).isEqualTo((SIZE + piece - 1) / piece + 1);
  }

  @Test
  void whole_transferTo_movesChunksNotSmallPieces() throws IOException {
    CountingChannel channel = new CountingChannel(open());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = FileReadStream.whole(channel, SIZE)) {
      assertThat(in.transferTo(out)).isEqualTo(SIZE);
    }
    assertThat(out.toByteArray()).isEqualTo(data);
    assertThat(channel.reads).isLessThanOrEqualTo(SIZE / FileReadStream.CHUNK + 2);
  }

  @Test
  void whole_transferToAfterSmallReads_movesTheRest() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = FileReadStream.whole(open(), SIZE)) {
      byte[] head = in.readNBytes(10);
      out.write(head);
      assertThat(in.transferTo(out)).isEqualTo(SIZE - 10);
    }
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void range_smallReadsSkipAndAvailable_stayInsideTheRange() throws IOException {
    long start = FileReadStream.CHUNK - 100;
    long end = start + FileReadStream.CHUNK + 1000;
    try (InputStream in = FileReadStream.range(open(), start, end)) {
      assertThat(in.read()).isEqualTo(data[(int) start] & 0xff);
      assertThat(in.skip(10)).isEqualTo(10);
      assertThat(in.available()).isEqualTo((int) (end - start - 11));
      byte[] small = in.readNBytes(50);
      assertThat(small).isEqualTo(Arrays.copyOfRange(data, (int) start + 11, (int) start + 61));
      assertThat(in.skip(FileReadStream.CHUNK)).isEqualTo(FileReadStream.CHUNK);
      byte[] rest = in.readAllBytes();
      assertThat(rest)
          .isEqualTo(Arrays.copyOfRange(data, (int) start + 61 + FileReadStream.CHUNK, (int) end));
      assertThat(in.skip(5)).isZero();
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void range_fileShrankWhileReading_failsInsteadOfEndingEarly() throws IOException {
    try (InputStream in = FileReadStream.range(open(), 0, SIZE)) {
      assertThat(in.read()).isEqualTo(data[0] & 0xff);
      try (FileChannel shrink = FileChannel.open(file, StandardOpenOption.WRITE)) {
        shrink.truncate(FileReadStream.CHUNK * 2L);
      }
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("shorter");
    }
  }

  @Test
  void whole_skipPastTheEnd_stopsAtTheEnd() throws IOException {
    try (InputStream in = FileReadStream.whole(open(), SIZE)) {
      assertThat(in.read()).isEqualTo(data[0] & 0xff);
      assertThat(in.skip(SIZE * 2L)).isEqualTo(SIZE - 1);
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.available()).isZero();
    }
  }

  @Test
  void closed_readsFail() throws IOException {
    InputStream in = FileReadStream.whole(open(), SIZE);
    assertThat(in.read()).isEqualTo(data[0] & 0xff);
    in.close();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> in.read(new byte[10], 0, 10)).isInstanceOf(IOException.class);
  }

  /** Counts the reads that reach the file. */
  private static final class CountingChannel implements SeekableByteChannel {
    private final SeekableByteChannel delegate;
    int reads;

    CountingChannel(SeekableByteChannel delegate) {
      this.delegate = delegate;
    }

    @Override
    public int read(java.nio.ByteBuffer dst) throws IOException {
      reads++;
      return delegate.read(dst);
    }

    @Override
    public int write(java.nio.ByteBuffer src) throws IOException {
      return delegate.write(src);
    }

    @Override
    public long position() throws IOException {
      return delegate.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      delegate.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return delegate.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
      delegate.truncate(size);
      return this;
    }

    @Override
    public boolean isOpen() {
      return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  @Test
  void whole_emptyFile_endsAtOnce() throws IOException {
    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    try (InputStream in = FileReadStream.whole(FileChannel.open(empty), 0)) {
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.read(new byte[8192], 0, 8192)).isEqualTo(-1);
      assertThat(in.transferTo(new ByteArrayOutputStream())).isZero();
    }
  }
}
