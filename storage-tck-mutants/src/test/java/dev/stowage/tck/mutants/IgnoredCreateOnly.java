package dev.stowage.tck.mutants;

import dev.stowage.FileAttributes;
import dev.stowage.WriteOptions;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;

/** Mutant "writes despite create-only": declares CREATE_ONLY but drops the precondition, so existing files are replaced. */
final class IgnoredCreateOnly extends ForwardingAdapter {

  IgnoredCreateOnly(FilesystemAdapter delegate) {
    super(delegate);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    return super.write(path, source, options.toBuilder().createOnly(false).build());
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return super.copy(source, destination, options.toBuilder().createOnly(false).build());
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    return super.move(source, destination, options.toBuilder().createOnly(false).build());
  }
}
