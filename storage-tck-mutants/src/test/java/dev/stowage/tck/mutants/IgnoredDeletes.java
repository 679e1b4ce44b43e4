package dev.stowage.tck.mutants;

import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;

/** Mutant "ignores delete": deleting a file succeeds and does nothing. */
final class IgnoredDeletes extends ForwardingAdapter {

  IgnoredDeletes(FilesystemAdapter delegate) {
    super(delegate);
  }

  @Override
  public void delete(String path) {
    // the mutation: nothing is deleted
  }
}
