package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PagedIteratorTest {

  private final List<String> fetched = new ArrayList<>();

  private PagedIterator.Page<Integer> page(String token) {
    fetched.add(String.valueOf(token));
    if (token == null) {
      return new PagedIterator.Page<>(List.of(1, 2), "b");
    }
    if (token.equals("b")) {
      return new PagedIterator.Page<>(List.of(), "c");
    }
    return new PagedIterator.Page<>(List.of(3), null);
  }

  @Test
  void of_iteratesAllPagesInOrderSkippingEmptyOnes() {
    List<Integer> all = new ArrayList<>();
    PagedIterator.of(this::page).forEachRemaining(all::add);
    assertThat(all).containsExactly(1, 2, 3);
    assertThat(fetched).containsExactly("null", "b", "c");
  }

  @Test
  void of_fetchesNothingUntilFirstHasNext() {
    Iterator<Integer> it = PagedIterator.of(this::page);
    assertThat(fetched).isEmpty();
    assertThat(it.hasNext()).isTrue();
    assertThat(fetched).containsExactly("null");
  }

  @Test
  void of_fetchesNextPageOnlyWhenCurrentIsUsedUp() {
    Iterator<Integer> it = PagedIterator.of(this::page);
    it.next();
    it.next();
    assertThat(fetched).containsExactly("null");
    it.next();
    assertThat(fetched).containsExactly("null", "b", "c");
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void of_emptyFirstPageWithoutToken_isEmpty() {
    Iterator<Object> it = PagedIterator.of(t -> new PagedIterator.Page<>(List.of(), null));
    assertThat(it.hasNext()).isFalse();
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void of_fetcherIoFailure_surfacesUnchecked() {
    Iterator<Object> it =
        PagedIterator.of(
            t -> {
              throw new IOException("down");
            });
    assertThatThrownBy(it::hasNext)
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("down");
  }

  @Test
  void of_repeatedToken_failsInsteadOfLoopingForever() {
    Iterator<Object> it = PagedIterator.of(t -> new PagedIterator.Page<>(List.of(), "same"));
    assertThatThrownBy(
            () -> {
              while (it.hasNext()) {
                it.next();
              }
            })
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void page_copiesItems() {
    List<Integer> items = new ArrayList<>(List.of(1));
    PagedIterator.Page<Integer> p = new PagedIterator.Page<>(items, null);
    items.add(2);
    assertThat(p.items()).containsExactly(1);
  }
}
