package dev.stowage.tck;

import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/** Test data and small helpers shared by the contracts. */
final class KitData {

  private KitData() {}

  /** Returns {@code size} pseudo-random bytes, the same for the same seed. */
  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Returns {@code size} pseudo-random bytes seeded by the size. */
  static byte[] bytes(int size) {
    return bytes(size, 31L * size + 7);
  }

  /**
   * Writes a fixture with an explicit type where the adapter stores one, which skips content
   * sniffing (the slowest part of a small write on fast backends). For setup, not for the case
   * under test.
   */
  static void seed(Filesystem fs, String path, String content) {
    fs.write(
        path,
        content,
        fs.capabilities().has(Capability.CONTENT_TYPE)
            ? WriteOptions.builder().contentType("text/plain").build()
            : WriteOptions.DEFAULT);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String hex(String algorithm, byte[] data) {
    return HexFormat.of().formatHex(digest(algorithm).digest(data));
  }

  /** Reads {@code in} to its end and returns its digest as hex, closing it. */
  static String hex(String algorithm, InputStream in) {
    MessageDigest digest = digest(algorithm);
    try (InputStream stream = in) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = stream.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Returns the digest of {@code data} computed here with the JDK, as lowercase hex. */
  static String hex(ChecksumAlgorithm algorithm, byte[] data) {
    if (algorithm == ChecksumAlgorithm.CRC32C) {
      CRC32C crc = new CRC32C();
      crc.update(data);
      return String.format("%08x", crc.getValue());
    }
    return hex(algorithm.standardName(), data);
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm, e);
    }
  }

  static byte[] readAll(InputStream in) {
    try (InputStream stream = in) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Polls {@code condition} every 100 ms until it holds or {@code bound} has passed; returns
   * whether it held. Used for eventually consistent effects, never to wait for time itself.
   */
  static boolean eventually(Duration bound, BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** Returns the media type without parameters, lowercase ({@code "text/plain; charset=x"} → {@code "text/plain"}). */
  static @Nullable String baseType(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return base.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
