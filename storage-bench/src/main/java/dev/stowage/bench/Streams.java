package dev.stowage.bench;

import java.io.IOException;
import java.io.InputStream;

/** Draining and checking helpers shared by the clients. */
final class Streams {

  private static final int BUFFER = 64 * 1024;

  private Streams() {}

  /** Reads {@code in} to its end, discarding the bytes, and returns how many there were. */
  static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
    }
    return total;
  }

  /** Fails when a transfer moved a different number of bytes than it should have. */
  static void expect(long actual, long expected, String what) throws IOException {
    if (actual != expected) {
      throw new IOException(what + " moved " + actual + " bytes, expected " + expected);
    }
  }
}
