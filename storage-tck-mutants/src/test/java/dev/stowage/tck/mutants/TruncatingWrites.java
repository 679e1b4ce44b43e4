package dev.stowage.tck.mutants;

import dev.stowage.FileAttributes;
import dev.stowage.WriteOptions;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;

/** Mutant "truncates on write": stores every file without its last byte. */
final class TruncatingWrites extends ForwardingAdapter {

  TruncatingWrites(FilesystemAdapter delegate) {
    super(delegate);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    byte[] data = bytes(source);
    return super.write(
        path, WriteSource.of(Arrays.copyOf(data, Math.max(0, data.length - 1))), options);
  }

  private static byte[] bytes(WriteSource source) {
    try {
      if (source instanceof WriteSource.Bytes) {
        return ((WriteSource.Bytes) source).data();
      }
      if (source instanceof WriteSource.File) {
        return Files.readAllBytes(((WriteSource.File) source).path());
      }
      WriteSource.Stream s = (WriteSource.Stream) source;
      return s.length() < 0
          ? s.in().readAllBytes()
          : s.in().readNBytes(Math.toIntExact(s.length()));
    } catch (IOException e) {
      throw new UncheckedIOException("the source failed", e);
    }
  }
}
