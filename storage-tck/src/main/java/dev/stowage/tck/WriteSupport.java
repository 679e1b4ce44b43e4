package dev.stowage.tck;

import dev.stowage.Capability;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.UploadStream;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;

/** Writes through each {@link WriteContract.Source}, and streams that misbehave on purpose. */
final class WriteSupport {

  private WriteSupport() {}

  static FileAttributes write(
      Filesystem fs, String path, byte[] data, WriteContract.Source source, WriteOptions options)
      throws IOException {
    switch (source) {
      case BYTES:
        return fs.write(path, data, options);
      case STRING_UTF8:
        return fs.write(path, new String(data, java.nio.charset.StandardCharsets.UTF_8), options);
      case STREAM_KNOWN_LENGTH:
        return fs.write(path, new ByteArrayInputStream(data), data.length, options);
      case STREAM_UNKNOWN_LENGTH:
        return fs.write(path, new ByteArrayInputStream(data), options);
      case LOCAL_FILE:
        Path local = Files.createTempFile("stowage-tck", ".bin");
        try {
          Files.write(local, data);
          return fs.write(path, local, options);
        } finally {
          Files.deleteIfExists(local);
        }
      case OUTPUT_STREAM:
        try (OutputStream out = fs.openOutputStream(path, options)) {
          out.write(data);
        }
        return fs.stat(path);
      default:
        throw new AssertionError(source);
    }
  }

  /**
   * Asserts that a failed write into the new directory {@code dir} left no file, no temporary or
   * partial file, and, where directories are implicit, no directory. (Real directories created
   * for the write may stay, empty.)
   */
  static void assertLeftNothing(KitFixture kit, String dir, String name) {
    FilesystemAssert.assertThat(kit.fs()).hasNoFile(dir + "/" + name).isEmptyAt(dir);
    if (kit.has(Capability.IMPLICIT_DIRECTORIES)) {
      FilesystemAssert.assertThat(kit.fs()).hasNoDirectory(dir);
    }
    assertNoPendingUploads(kit, "after the failed write to " + dir + "/" + name);
  }

  /**
   * Asserts that the backend holds no unfinished multipart upload below the kit root, where the
   * fixture can see them ({@link KitFixture#pendingUploads()}); does nothing where it cannot.
   */
  static void assertNoPendingUploads(KitFixture kit, String when) {
    kit.pendingUploads()
        .ifPresent(
            pending ->
                Assertions.assertThat(pending)
                    .as("multipart uploads left pending below the kit root %s", when)
                    .isEmpty());
  }

  /** Returns a stream that yields {@code failAt} bytes of {@code data}, then throws IOException. */
  static InputStream failingAfter(byte[] data, int failAt) {
    return new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        if (position >= failAt) {
          throw new IOException("the kit's source fails on purpose at byte " + failAt);
        }
        return data[position++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (position >= failAt) {
          throw new IOException("the kit's source fails on purpose at byte " + failAt);
        }
        int n = Math.min(len, failAt - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
      }
    };
  }

  /** A byte stream that records whether it was closed. */
  static final class CloseTracking extends ByteArrayInputStream {
    volatile boolean closed;

    CloseTracking(byte[] data) {
      super(data);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  /**
   * Writes 100,000 bytes to an output stream at {@code path}, as a producer that then fails
   * would, aborts it, and checks that a later write fails and a later close commits nothing.
   */
  static void abortMidway(Filesystem fs, String path) {
    UploadStream out = fs.openOutputStream(path, WriteOptions.DEFAULT);
    out.write(KitData.bytes(100_000));
    out.abort();
    Throwable late = org.assertj.core.api.Assertions.catchThrowable(() -> out.write(1));
    org.assertj.core.api.Assertions.assertThat(late)
        .as("a write after abort")
        .isInstanceOf(WriteFailedException.class);
    Expect.wellFormed((WriteFailedException) late);
    out.close();
  }

  /**
   * Returns {@code prefix} followed by ASCII segments of at most {@code maxSegment} (and 200)
   * bytes, exactly {@code totalBytes} long in all.
   */
  static String pathOfBytes(String prefix, int totalBytes, int maxSegment) {
    StringBuilder b = new StringBuilder(prefix);
    int segment = Math.max(2, Math.min(maxSegment, 200));
    while (true) {
      int remaining = totalBytes - b.length();
      if (remaining <= segment) {
        return b.append("a".repeat(Math.max(1, remaining))).toString();
      }
      b.append("a".repeat(Math.min(segment, remaining - 2))).append('/');
    }
  }
}
