package dev.stowage.b2.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * File ids in B2's shape, {@code 4_z<bucketId>_f<type><15 hex>_d<yyyyMMdd>_m<HHmmss>_c<cluster>_v<vault>_t<n>_u0<ms>}.
 * The digit after {@code _f} is the file type clients derive from an id (b2sdk's {@code FileVersion._type()}):
 * 1 for small files and hide markers, 2 for large files. The 15 hex digits hold the catalog's sequence number
 * and a random part, so ids are unique within one emulator and hard to guess.
 */
final class FileIds {
  static final char SMALL = '1';
  static final char LARGE = '2';

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private FileIds() {}

  static String small(String bucketId, long sequence, long now) {
    return make(bucketId, SMALL, sequence, now);
  }

  static String large(String bucketId, long sequence, long now) {
    return make(bucketId, LARGE, sequence, now);
  }

  private static String make(String bucketId, char type, long sequence, long now) {
    Instant at = Instant.ofEpochMilli(Math.max(0, now));
    int random = ThreadLocalRandom.current().nextInt(1 << 20);
    return String.format(
        Locale.ROOT,
        "4_z%s_f%c%010x%05x_d%s_m%s_c004_v0402%03d_t%04d_u0%013d",
        bucketId,
        type,
        sequence & 0xff_ffff_ffffL,
        random,
        DAY.format(at),
        TIME.format(at),
        (int) (sequence % 1000),
        (int) (sequence % 60),
        Math.max(0, now));
  }
}
