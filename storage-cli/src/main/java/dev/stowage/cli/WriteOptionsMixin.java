package dev.stowage.cli;

import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The write options {@code cp} and {@code mv} share. */
final class WriteOptionsMixin {

  @Option(
      names = "--content-type",
      paramLabel = "TYPE",
      description = "Content type to store (default: the source's, else detected from the name).")
  @Nullable String contentType;

  @Option(
      names = "--visibility",
      paramLabel = "public|private",
      description = "Visibility of the new file, where the backend sets it per file.")
  @Nullable Visibility visibility;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output.")
  boolean quiet;

  /** Returns the options given on the command line ({@link WriteOptions#DEFAULT} when none). */
  WriteOptions options() {
    if (contentType == null && visibility == null) {
      return WriteOptions.DEFAULT;
    }
    WriteOptions.Builder b = WriteOptions.builder();
    if (contentType != null) {
      b.contentType(contentType);
    }
    if (visibility != null) {
      b.visibility(visibility);
    }
    return b.build();
  }
}
