package dev.stowage.tck.mutants;

import dev.stowage.FileAttributes;
import dev.stowage.WriteOptions;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.util.Map;

/** Mutant "loses user metadata": declares USER_METADATA but never sends it on writes. */
final class LostUserMetadata extends ForwardingAdapter {

  LostUserMetadata(FilesystemAdapter delegate) {
    super(delegate);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    return super.write(
        path,
        source,
        new WriteOptions(
            options.visibility(),
            options.contentType(),
            options.cacheControl(),
            options.contentDisposition(),
            options.contentEncoding(),
            Map.of(),
            options.createOnly()));
  }
}
