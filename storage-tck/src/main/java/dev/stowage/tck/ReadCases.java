package dev.stowage.tck;

import dev.stowage.ByteRange;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Argument sources for {@link ReadContract}: ranges over a 100-byte file and the slice they select. */
final class ReadCases {

  static final int SIZE = 100;

  private ReadCases() {}

  /** Rows of (range, first byte, end exclusive) for satisfiable ranges (R5–R8). */
  static Stream<Arguments> satisfiableRanges() {
    return Stream.of(
        Arguments.of(ByteRange.of(0, 0), 0, 1),
        Arguments.of(ByteRange.of(0, 9), 0, 10),
        Arguments.of(ByteRange.of(10, 19), 10, 20),
        Arguments.of(ByteRange.of(99, 99), 99, 100),
        Arguments.of(ByteRange.of(0, 99), 0, 100),
        Arguments.of(ByteRange.of(81, 100_000), 81, 100),
        Arguments.of(ByteRange.of(50, 100), 50, 100),
        Arguments.of(ByteRange.from(0), 0, 100),
        Arguments.of(ByteRange.from(1), 1, 100),
        Arguments.of(ByteRange.from(50), 50, 100),
        Arguments.of(ByteRange.from(99), 99, 100),
        Arguments.of(ByteRange.last(1), 99, 100),
        Arguments.of(ByteRange.last(10), 90, 100),
        Arguments.of(ByteRange.last(100), 0, 100),
        Arguments.of(ByteRange.last(1000), 0, 100),
        Arguments.of(ByteRange.last(0), 100, 100));
  }

  /** Ranges that start at or past the end of the 100-byte file (R9). */
  static Stream<ByteRange> unsatisfiableRanges() {
    return Stream.of(
        ByteRange.from(100),
        ByteRange.of(100, 200),
        ByteRange.of(500, 600),
        ByteRange.from(Long.MAX_VALUE / 2));
  }
}
