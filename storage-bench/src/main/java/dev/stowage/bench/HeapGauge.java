package dev.stowage.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The heap high-water mark of this JVM: every heap pool's peak usage, reset at the start of a run. */
final class HeapGauge {

  private final List<MemoryPoolMXBean> pools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
          .toList();

  /** Collects garbage left by earlier runs, then resets every heap pool's peak. */
  void reset() {
    System.gc();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Returns the sum of the heap pools' peaks since {@link #reset}, an upper bound of the heap used. */
  long peak() {
    long sum = 0;
    for (MemoryPoolMXBean p : pools) {
      sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }
}
