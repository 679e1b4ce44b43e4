package dev.stowage;

import dev.stowage.spi.BackendException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Wraps an adapter's listing iterator so that failures while iterating surface as
 * {@link ListFailedException}s. NOT_FOUND ends the listing: a directory that is (or has become)
 * missing lists as empty.
 */
final class GuardedIterator implements Iterator<StorageAttributes>, AutoCloseable {

  private final Iterator<StorageAttributes> delegate;
  private final String path;
  private boolean ended;

  /** The delegate said it has a next entry that {@link #next} has not taken yet. */
  private boolean pending;

  GuardedIterator(Iterator<StorageAttributes> delegate, String path) {
    this.delegate = delegate;
    this.path = path;
  }

  @Override
  public boolean hasNext() {
    if (ended) {
      return false;
    }
    if (pending) {
      return true; // asked again (as DirectoryListing and next() do): the delegate already said yes
    }
    try {
      boolean more = delegate.hasNext();
      ended = !more;
      pending = more;
      return more;
    } catch (RuntimeException e) {
      if (e instanceof BackendException
              && ((BackendException) e).kind() == StorageException.Kind.NOT_FOUND
          || e instanceof StorageException
              && ((StorageException) e).kind() == StorageException.Kind.NOT_FOUND) {
        ended = true;
        return false;
      }
      throw translate(e);
    }
  }

  @Override
  public StorageAttributes next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    pending = false;
    try {
      StorageAttributes next = delegate.next();
      if (next == null) {
        throw ListFailedException.at(
            path, StorageException.Kind.UNEXPECTED, "the adapter returned a null entry", null);
      }
      return next;
    } catch (NoSuchElementException e) {
      throw ListFailedException.at(
          path,
          StorageException.Kind.UNEXPECTED,
          "the adapter's iterator ended after hasNext() said it would not",
          e);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable) {
      try {
        ((AutoCloseable) delegate).close();
      } catch (RuntimeException e) {
        throw translate(e);
      }
    }
  }

  private StorageException translate(RuntimeException e) {
    return Failures.wrap(Operation.LIST, path, null, e);
  }
}
