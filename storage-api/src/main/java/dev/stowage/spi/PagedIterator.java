package dev.stowage.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Iterates over items that a backend returns page by page (a continuation token between pages),
 * fetching each page only when the previous one is used up — the first on the first
 * {@code hasNext()}.
 *
 * <!-- given: interface ListResponse { List<String> keys(); String nextToken(); }
 *   interface Client { ListResponse list(String prefix, String token); }
 *   Client client; String prefix; abstract List<StorageAttributes> toEntries(ListResponse r) -->
 * <pre>{@code
 * Iterator<StorageAttributes> entries = PagedIterator.of(token -> {
 *   ListResponse r = client.list(prefix, token);          // token is null for the first page
 *   return new PagedIterator.Page<>(toEntries(r), r.nextToken());
 * });
 * }</pre>
 *
 * <p>Empty pages with a token are skipped. A fetcher's {@link IOException} surfaces as an
 * {@link UncheckedIOException}. Not thread-safe (iterators never are).
 *
 * @param <T> the item type
 */
public final class PagedIterator<T> implements Iterator<T> {

  /**
   * One page: its items and the token of the next page, or null when this is the last one.
   *
   * @param items the items, in order
   * @param nextToken where the next page starts, or null
   */
  public record Page<T>(List<T> items, @Nullable String nextToken) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /** Fetches the page that starts at {@code token} (null: the first page). */
  @FunctionalInterface
  public interface PageFetcher<T> {
    /** Returns the page at {@code token}. */
    Page<T> fetch(@Nullable String token) throws IOException;
  }

  private final PageFetcher<T> fetcher;
  private @Nullable Iterator<T> current;
  private @Nullable String token;
  private boolean lastFetched;

  private PagedIterator(PageFetcher<T> fetcher) {
    this.fetcher = fetcher;
  }

  /** Returns a lazy iterator over every page's items. */
  public static <T> Iterator<T> of(PageFetcher<T> fetcher) {
    return new PagedIterator<>(Objects.requireNonNull(fetcher, "fetcher"));
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (lastFetched) {
        return false;
      }
      Page<T> page;
      try {
        page = fetcher.fetch(token);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Objects.requireNonNull(page, "the fetcher returned no page");
      if (page.nextToken() != null && page.nextToken().equals(token)) {
        throw new IllegalStateException("the backend returned the same page token twice");
      }
      current = page.items().iterator();
      token = page.nextToken();
      lastFetched = token == null;
    }
    return true;
  }

  @Override
  public T next() {
    Iterator<T> page = hasNext() ? current : null;
    if (page == null) {
      throw new NoSuchElementException();
    }
    return page.next();
  }
}
