package dev.stowage.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --transfers N}: how many files {@code sync} and {@code cp -r} send at once. */
final class ParallelOptions {

  /** The most files in flight at once. */
  static final int MAX_TRANSFERS = 64;

  @Option(
      names = "--transfers",
      paramLabel = "N",
      defaultValue = "4",
      converter = Count.class,
      description =
          "Files sent at once (1 to 64; default ${DEFAULT-VALUE}). Each streams; none is held whole in memory.")
  int transfers = 4;

  /** Parses a number of files in flight: 1 to {@value #MAX_TRANSFERS}. */
  static final class Count implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number; write e.g. 4");
      }
      if (n < 1 || n > MAX_TRANSFERS) {
        throw new TypeConversionException(
            "must be 1 to " + MAX_TRANSFERS + " files at once (got " + n + ")");
      }
      return n;
    }
  }
}
