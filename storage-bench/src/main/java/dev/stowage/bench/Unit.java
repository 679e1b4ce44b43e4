package dev.stowage.bench;

/** The unit of a {@link BenchRow}'s figures. */
public enum Unit {
  /** Mebibytes (2^20 bytes) per second of wall time: higher is better. */
  MIB_PER_SECOND("MiB/s", true),
  /** Operations per second: higher is better. */
  OPS_PER_SECOND("ops/s", true),
  /** Seconds of wall time: lower is better. */
  SECONDS("s", false);

  private final String symbol;
  private final boolean higherIsBetter;

  Unit(String symbol, boolean higherIsBetter) {
    this.symbol = symbol;
    this.higherIsBetter = higherIsBetter;
  }

  /** Returns the short symbol printed in tables, such as {@code MiB/s}. */
  public String symbol() {
    return symbol;
  }

  /** Returns whether a larger figure means faster. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
