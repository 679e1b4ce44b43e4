package dev.stowage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a directory, fetched lazily page by page as they are iterated.
 *
 * <p>A listing is single-use: {@link #iterator()} or {@link #stream()} may be called once. Close
 * it (try-with-resources) when not iterating to the end, so that the adapter can release what it
 * holds. Failures while iterating surface as {@link ListFailedException}. Order is unspecified
 * unless the adapter declares {@link Capability#SORTED_LISTING}; {@link #sortByPath()} sorts.
 */
public final class DirectoryListing implements Iterable<StorageAttributes>, AutoCloseable {

  private final Iterator<? extends StorageAttributes> entries;
  private final @Nullable AutoCloseable onClose;
  private boolean used;

  private DirectoryListing(
      Iterator<? extends StorageAttributes> entries, @Nullable AutoCloseable onClose) {
    this.entries = entries;
    this.onClose = onClose;
  }

  /** Returns a listing over {@code entries}; {@code onClose} (may be null) runs on {@link #close()}. */
  public static DirectoryListing of(
      Iterator<? extends StorageAttributes> entries, @Nullable AutoCloseable onClose) {
    return new DirectoryListing(java.util.Objects.requireNonNull(entries, "entries"), onClose);
  }

  /** Returns a listing of the given entries. */
  public static DirectoryListing of(List<? extends StorageAttributes> entries) {
    return new DirectoryListing(List.copyOf(entries).iterator(), null);
  }

  /** Returns an empty listing. */
  public static DirectoryListing empty() {
    return of(List.of());
  }

  @Override
  public Iterator<StorageAttributes> iterator() {
    if (used) {
      throw new IllegalStateException("a DirectoryListing can be iterated only once");
    }
    used = true;
    if (entries instanceof GuardedIterator) {
      // The facade's own iterator already ends with NoSuchElementException: no second layer.
      return (GuardedIterator) entries;
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public StorageAttributes next() {
        if (!entries.hasNext()) {
          throw new NoSuchElementException();
        }
        return entries.next();
      }
    };
  }

  /** Returns the entries as a sequential stream; closing the stream closes this listing. */
  public Stream<StorageAttributes> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Reads every entry into a list and closes this listing. */
  public List<StorageAttributes> toList() {
    try (DirectoryListing self = this) {
      List<StorageAttributes> all = new ArrayList<>();
      self.iterator().forEachRemaining(all::add);
      return all;
    }
  }

  /** Returns a listing, still lazy, of the entries that match {@code predicate}. */
  public DirectoryListing filter(Predicate<? super StorageAttributes> predicate) {
    Iterator<StorageAttributes> source = iterator();
    Iterator<StorageAttributes> filtered =
        new Iterator<>() {
          private @Nullable StorageAttributes next;

          @Override
          public boolean hasNext() {
            while (next == null && source.hasNext()) {
              StorageAttributes candidate = source.next();
              if (predicate.test(candidate)) {
                next = candidate;
              }
            }
            return next != null;
          }

          @Override
          public StorageAttributes next() {
            StorageAttributes result = hasNext() ? next : null;
            if (result == null) {
              throw new NoSuchElementException();
            }
            next = null;
            return result;
          }
        };
    return new DirectoryListing(filtered, this);
  }

  /** Returns a lazy listing of the files only. */
  public DirectoryListing files() {
    return filter(StorageAttributes::isFile);
  }

  /** Returns a lazy listing of the directories only. */
  public DirectoryListing directories() {
    return filter(StorageAttributes::isDirectory);
  }

  /** Reads every entry and returns them sorted by path (UTF-16 order of the path strings). */
  public DirectoryListing sortByPath() {
    List<StorageAttributes> all = toList();
    all.sort(Comparator.comparing(StorageAttributes::path));
    return of(all);
  }

  @Override
  public void close() {
    if (onClose != null) {
      try {
        onClose.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw ListFailedException.at(
            "", StorageException.Kind.UNEXPECTED, "closing the listing failed", e);
      }
    }
  }
}
