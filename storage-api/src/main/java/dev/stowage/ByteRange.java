package dev.stowage;

import org.jspecify.annotations.Nullable;

/**
 * A byte range of a file, as in HTTP {@code Range}: a closed span, everything from an offset,
 * or the last N bytes.
 *
 * <p>Ranges are validated by {@link Filesystem#readStream(String, ByteRange)} before any I/O:
 * negative numbers or an end before the start fail with {@link StorageException.Kind#INVALID_INPUT}.
 * Against a file of a given size, {@link #resolve(long)} turns any range into concrete offsets:
 * an end past the file is clamped, a suffix longer than the file means the whole file, and a start
 * at or past the end is not satisfiable (except for an empty file read from 0 with no end).
 */
public sealed interface ByteRange permits ByteRange.Span, ByteRange.From, ByteRange.Last {

  /** Returns the range {@code [start, endInclusive]}. */
  static ByteRange of(long start, long endInclusive) {
    return new Span(start, endInclusive);
  }

  /** Returns the range from {@code start} to the end of the file. */
  static ByteRange from(long start) {
    return new From(start);
  }

  /** Returns the last {@code count} bytes of the file ({@code count == 0} reads nothing). */
  static ByteRange last(long count) {
    return new Last(count);
  }

  /** Returns the HTTP {@code Range} header value, e.g. {@code "bytes=0-99"}. */
  String httpHeader();

  /** Returns whether the numbers are usable: non-negative, and an end not before its start. */
  boolean isValid();

  /**
   * Returns the concrete {@code [start, endExclusive)} of this range in a file of {@code size}
   * bytes, or null when the range is not satisfiable (its start is at or past the end).
   */
  @Nullable Resolved resolve(long size);

  /** A concrete half-open interval {@code [start, endExclusive)}. */
  record Resolved(long start, long endExclusive) {
    /** Returns the number of bytes in the interval. */
    public long length() {
      return endExclusive - start;
    }
  }

  /** The closed span {@code [start, endInclusive]}. */
  record Span(long start, long endInclusive) implements ByteRange {
    @Override
    public String httpHeader() {
      return "bytes=" + start + "-" + endInclusive;
    }

    @Override
    public boolean isValid() {
      return start >= 0 && endInclusive >= start;
    }

    @Override
    public @Nullable Resolved resolve(long size) {
      return start >= size ? null : new Resolved(start, Math.min(size, endInclusive + 1));
    }
  }

  /** Everything from {@code start} on. */
  record From(long start) implements ByteRange {
    @Override
    public String httpHeader() {
      return "bytes=" + start + "-";
    }

    @Override
    public boolean isValid() {
      return start >= 0;
    }

    @Override
    public @Nullable Resolved resolve(long size) {
      if (start == 0 && size == 0) {
        return new Resolved(0, 0);
      }
      return start >= size ? null : new Resolved(start, size);
    }
  }

  /** The last {@code count} bytes. */
  record Last(long count) implements ByteRange {
    @Override
    public String httpHeader() {
      return "bytes=-" + count;
    }

    @Override
    public boolean isValid() {
      return count >= 0;
    }

    @Override
    public @Nullable Resolved resolve(long size) {
      return new Resolved(Math.max(0, size - count), size);
    }
  }
}
