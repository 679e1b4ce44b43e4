package dev.stowage.tck.mutants;

import dev.stowage.FileAttributes;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;

/** Mutant "reports a wrong size": {@code stat} says every file is one byte longer than it is. */
final class WrongSizes extends ForwardingAdapter {

  WrongSizes(FilesystemAdapter delegate) {
    super(delegate);
  }

  @Override
  public FileAttributes stat(String path) {
    FileAttributes a = super.stat(path);
    return new FileAttributes(
        a.path(),
        a.size() + 1,
        a.lastModified(),
        a.contentType(),
        a.visibility(),
        a.etag(),
        a.checksums(),
        a.version(),
        a.userMetadata(),
        a.cacheControl(),
        a.contentDisposition(),
        a.contentEncoding());
  }
}
