package dev.stowage.b2.emulator;

import java.util.Objects;

/** One stored blob that makes up (part of) a file's content. */
record Segment(String blob, long length) {
  Segment {
    Objects.requireNonNull(blob, "blob");
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative but was " + length);
    }
  }
}
