package dev.stowage.testing;

/** The operations a {@link FaultSuite} mixes, with their relative weights. */
enum SuiteOp {
  WRITE_SMALL(3),
  WRITE_STREAM(1),
  READ(2),
  READ_RANGE(2),
  READ_FROM_0(1),
  STAT(1),
  LIST(1),
  DELETE(1),
  COPY(1);

  final int weight;

  SuiteOp(int weight) {
    this.weight = weight;
  }

  static final int TOTAL_WEIGHT = java.util.Arrays.stream(values()).mapToInt(op -> op.weight).sum();

  /** Returns the operation a uniform draw in [0, TOTAL_WEIGHT) lands on. */
  static SuiteOp pick(int draw) {
    for (SuiteOp op : values()) {
      draw -= op.weight;
      if (draw < 0) {
        return op;
      }
    }
    throw new IllegalArgumentException("draw must be below " + TOTAL_WEIGHT);
  }
}
