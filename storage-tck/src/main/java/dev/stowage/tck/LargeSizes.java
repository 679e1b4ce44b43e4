package dev.stowage.tck;

import dev.stowage.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Supplies (size, source) rows at the multipart boundaries of the filesystem under test: the
 * threshold t−1, t, t+1, and with part size cs and k = max(2, ⌈t/cs⌉) parts, k·cs−1, k·cs,
 * k·cs+1, (k+1)·cs and (k+1)·cs+1 — each through several write forms.
 */
final class LargeSizes implements ArgumentsProvider {

  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    KitFixture kit = (KitFixture) context.getRequiredTestInstance();
    List<Arguments> rows = new ArrayList<>();
    for (long size : sizes(kit.capabilities())) {
      for (WriteContract.Source source :
          List.of(
              WriteContract.Source.BYTES,
              WriteContract.Source.STREAM_KNOWN_LENGTH,
              WriteContract.Source.STREAM_UNKNOWN_LENGTH,
              WriteContract.Source.LOCAL_FILE)) {
        rows.add(Arguments.of(size, source));
      }
    }
    return rows.stream();
  }

  static TreeSet<Long> sizes(Capabilities c) {
    TreeSet<Long> sizes = new TreeSet<>();
    long t = c.multipartThreshold();
    long cs = c.partSize();
    if (t == Long.MAX_VALUE || cs <= 0) {
      return sizes;
    }
    sizes.add(t - 1);
    sizes.add(t);
    sizes.add(t + 1);
    long k = Math.max(2, (t + cs - 1) / cs);
    for (long s : new long[] {k * cs - 1, k * cs, k * cs + 1, (k + 1) * cs, (k + 1) * cs + 1}) {
      sizes.add(s);
    }
    sizes.removeIf(s -> s <= 0);
    return sizes;
  }
}
