package dev.stowage.micrometer;

import dev.stowage.DirectoryListing;
import dev.stowage.StorageAttributes;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The entries of a listing {@link ObservedFilesystem#list} hands out: the listing's observation
 * ends when the entries run out or the listing is closed (success), or when fetching a page fails
 * (error). If none of that happens, it ends as {@code abandoned} once these entries have been
 * garbage-collected (they stay reachable for as long as the listing or its iterator is in use).
 */
final class ObservedEntries implements Iterator<StorageAttributes> {

  private final Iterator<StorageAttributes> source;
  private final Flight flight;
  private final Cleaner.Cleanable cleanable;
  private long entries;

  private ObservedEntries(Iterator<StorageAttributes> source, Flight flight) {
    this.source = source;
    this.flight = flight;
    this.cleanable = Abandonment.watch(this, flight);
  }

  /** Returns a listing over {@code listing}'s entries whose end ends {@code flight}. */
  static DirectoryListing wrap(DirectoryListing listing, Flight flight) {
    ObservedEntries entries;
    try {
      entries = new ObservedEntries(listing.iterator(), flight);
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      listing.close();
      throw e;
    }
    return DirectoryListing.of(entries, () -> entries.close(listing));
  }

  @Override
  public boolean hasNext() {
    boolean more;
    try {
      more = source.hasNext();
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      cleanable.clean();
      throw e;
    }
    if (!more) {
      finish();
    }
    return more;
  }

  @Override
  public StorageAttributes next() {
    StorageAttributes next;
    try {
      next = source.next();
    } catch (NoSuchElementException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      cleanable.clean();
      throw e;
    }
    entries++;
    return next;
  }

  private void close(DirectoryListing listing) {
    try {
      listing.close();
    } catch (RuntimeException | Error e) {
      flight.fail(e);
      throw e;
    } finally {
      finish();
    }
  }

  private void finish() {
    if (!flight.stopped()) {
      flight.entries(entries);
      flight.succeed();
    }
    cleanable.clean();
  }
}
