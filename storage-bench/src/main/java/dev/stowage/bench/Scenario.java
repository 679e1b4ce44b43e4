package dev.stowage.bench;

/**
 * What one group of rows measures. Transfers use the same random bytes for every client; the
 * "large" size is {@link BenchRunner.Builder#size}.
 */
public enum Scenario {
  /** Upload of the small size (16 MiB by default) from a file, length known. */
  UPLOAD_SMALL(Unit.MIB_PER_SECOND),
  /** Upload of the large size from a file, length known. */
  UPLOAD_LARGE(Unit.MIB_PER_SECOND),
  /** Upload of the large size from a stream whose length is not told to the client. */
  UPLOAD_STREAM(Unit.MIB_PER_SECOND),
  /** Download of the small size into a sink that discards the bytes. */
  DOWNLOAD_SMALL(Unit.MIB_PER_SECOND),
  /** Download of the large size into a sink that discards the bytes. */
  DOWNLOAD_LARGE(Unit.MIB_PER_SECOND),
  /** Download of the large size into a local file. */
  DOWNLOAD_LARGE_TO_FILE(Unit.MIB_PER_SECOND),
  /** Deep listing of a generated tree of small files (local disk only). */
  LIST_DEEP(Unit.SECONDS),
  /** Small write (1 KiB) on the memory adapter, through the facade or to the adapter directly. */
  SMALL_WRITE(Unit.OPS_PER_SECOND),
  /** Small read (1 KiB) on the memory adapter. */
  SMALL_READ(Unit.OPS_PER_SECOND),
  /** Stat of one file on the memory adapter. */
  SMALL_STAT(Unit.OPS_PER_SECOND),
  /** Shallow listing of a ten-file directory on the memory adapter. */
  SMALL_LIST(Unit.OPS_PER_SECOND);

  private final Unit unit;

  Scenario(Unit unit) {
    this.unit = unit;
  }

  /** Returns the unit of this scenario's figures. */
  public Unit unit() {
    return unit;
  }

  /** Returns whether this is an upload. */
  public boolean isUpload() {
    return this == UPLOAD_SMALL || this == UPLOAD_LARGE || this == UPLOAD_STREAM;
  }

  /** Returns whether this is a download. */
  public boolean isDownload() {
    return this == DOWNLOAD_SMALL || this == DOWNLOAD_LARGE || this == DOWNLOAD_LARGE_TO_FILE;
  }

  /** Returns the number of bytes one transfer moves, for the given sizes; 0 for other scenarios. */
  public long bytes(long small, long large) {
    return switch (this) {
      case UPLOAD_SMALL, DOWNLOAD_SMALL -> small;
      case UPLOAD_LARGE, UPLOAD_STREAM, DOWNLOAD_LARGE, DOWNLOAD_LARGE_TO_FILE -> large;
      default -> 0;
    };
  }

  /** Returns the human label, such as {@code upload 512 MiB} or {@code deep list 100000 files}. */
  public String label(long small, long large, int listingFiles) {
    String l = Sizes.format(large);
    return switch (this) {
      case UPLOAD_SMALL -> "upload " + Sizes.format(small);
      case UPLOAD_LARGE -> "upload " + l;
      case UPLOAD_STREAM -> "upload " + l + " (unknown length)";
      case DOWNLOAD_SMALL -> "download " + Sizes.format(small) + " → discard";
      case DOWNLOAD_LARGE -> "download " + l + " → discard";
      case DOWNLOAD_LARGE_TO_FILE -> "download " + l + " → file";
      case LIST_DEEP -> "deep list " + listingFiles + " files";
      case SMALL_WRITE -> "write 1 KiB";
      case SMALL_READ -> "read 1 KiB";
      case SMALL_STAT -> "stat";
      case SMALL_LIST -> "list 10 entries";
    };
  }
}
