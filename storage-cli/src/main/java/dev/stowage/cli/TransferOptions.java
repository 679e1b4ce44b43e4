package dev.stowage.cli;

import dev.stowage.spi.ProviderSettings;
import dev.stowage.spi.ProviderSettings.SizeUnits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code cp} and {@code mv} move big files: {@code --part-size} and {@code --concurrency}.
 * Given ones become the provider settings {@code partSize} (in bytes) and {@code concurrency} of
 * the {@code b2:} and {@code s3:} locations on either side; absent ones leave the adapter's
 * default (S3: 16 MiB parts, 4 in flight; B2: the account's recommended part size, 100 MB on B2
 * itself, 4 in flight) or the URI's value. Local and memory locations ignore them.
 *
 * <p>A location whose query already sets the same key ({@code ?partSize=…}) conflicts with the
 * option: the command fails as a usage error rather than silently preferring one of the two.
 * Sizes are read the same way for both backends: {@code k}, {@code M}, {@code G} are powers of
 * 1024 ({@code 16M} = {@code 16MiB} = 16,777,216 bytes), {@code kB}… are too.
 */
final class TransferOptions {

  /** The smallest part S3 takes (other than the last): 5 MiB. */
  static final long S3_MIN_PART = 5L << 20;

  /** The largest part S3 takes: 5 GiB. */
  static final long S3_MAX_PART = 5L << 30;

  /** The smallest part B2 takes (other than the last; its {@code absoluteMinimumPartSize}): 5 MB. */
  static final long B2_MIN_PART = 5_000_000L;

  /** The largest part B2 takes: 5 GB. */
  static final long B2_MAX_PART = 5_000_000_000L;

  /** The most parts in flight either adapter accepts. */
  static final int MAX_CONCURRENCY = 64;

  @Option(
      names = "--part-size",
      paramLabel = "SIZE",
      converter = Size.class,
      description = {
        "Part size of multipart uploads to b2: and s3: (default S3 16MiB,",
        "B2 the account's recommendation, 100MB). SIZE: 8MiB, 64M, 1G",
        "(k/M/G are powers of 1024). S3 takes 5MiB to 5GiB, B2 5MB to 5GB."
      })
  @Nullable Long partSize;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      converter = Concurrency.class,
      description = "Parts uploaded at once per file to b2: and s3: (1 to 64; default 4).")
  @Nullable Integer concurrency;

  /** No transfer options given: every adapter keeps its defaults. */
  static final TransferOptions NONE = new TransferOptions();

  /**
   * Returns the provider settings the given options name, for the location whose filesystem
   * root is {@code root} (scheme, bucket and query).
   *
   * @throws UsageException if the part size is outside what the backend takes, or the location's
   *     query sets the same key
   */
  Map<String, String> settings(String scheme, String root) {
    Map<String, String> s = new LinkedHashMap<>();
    if (!"b2".equals(scheme) && !"s3".equals(scheme)) {
      return s;
    }
    Map<String, String> query = query(root);
    if (partSize != null) {
      checkPartSize(scheme, partSize);
      refuseConflict(query, "partSize", "--part-size", root);
      s.put("partSize", Long.toString(partSize));
    }
    if (concurrency != null) {
      refuseConflict(query, "concurrency", "--concurrency", root);
      s.put("concurrency", Integer.toString(concurrency));
    }
    return s;
  }

  private void checkPartSize(String scheme, long partSize) {
    boolean s3 = "s3".equals(scheme);
    long min = s3 ? S3_MIN_PART : B2_MIN_PART;
    long max = s3 ? S3_MAX_PART : B2_MAX_PART;
    String limits = s3 ? "5MiB (5242880 bytes) to 5GiB" : "5MB (5000000 bytes) to 5GB";
    if (partSize < min || partSize > max) {
      throw new UsageException(
          "--part-size "
              + partSize
              + " bytes is outside what "
              + (s3 ? "S3" : "B2")
              + " accepts: "
              + limits);
    }
  }

  static Map<String, String> query(String root) {
    int q = root.indexOf('?');
    if (q < 0) {
      return Map.of();
    }
    try {
      return ProviderSettings.query(java.net.URI.create("x:/" + root.substring(q)));
    } catch (IllegalArgumentException e) {
      return Map.of(); // The provider reports a malformed query, without repeating it.
    }
  }

  private static void refuseConflict(
      Map<String, String> query, String key, String option, String root) {
    if (query.containsKey(key)) {
      throw new UsageException(
          option
              + " conflicts with "
              + key
              + "= in '"
              + Session.safe(root)
              + "'; give one of the two");
    }
  }

  /** Parses a size, powers of 1024 for k/M/G; requires it to be positive. */
  static final class Size implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long bytes;
      try {
        bytes = ProviderSettings.of(Map.of("value", value)).size("value", SizeUnits.BINARY);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a size; write e.g. 8MiB, 64M or 1G");
      }
      if (bytes <= 0) {
        throw new TypeConversionException("a part size must be larger than zero");
      }
      return bytes;
    }
  }

  /** Parses a number of parts in flight: 1 to {@value #MAX_CONCURRENCY}. */
  static final class Concurrency implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number; write e.g. 4");
      }
      if (n < 1 || n > MAX_CONCURRENCY) {
        throw new TypeConversionException(
            "must be 1 to " + MAX_CONCURRENCY + " parts at once (got " + n + ")");
      }
      return n;
    }
  }
}
