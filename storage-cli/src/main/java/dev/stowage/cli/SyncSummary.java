package dev.stowage.cli;

import java.util.List;
import java.util.Locale;

/**
 * What a tree transfer did, printed at its end.
 *
 * @param transferredFiles files sent (or copied server-side)
 * @param transferredBytes their bytes
 * @param skipped files left alone because the destination's copy is identical
 * @param deleted destination files removed ({@code --delete})
 * @param failed the relative paths of the files that failed, with why
 * @param elapsedNanos how long the whole command took
 */
record SyncSummary(
    long transferredFiles,
    long transferredBytes,
    long skipped,
    long deleted,
    List<String> failed,
    long elapsedNanos) {

  SyncSummary {
    failed = List.copyOf(failed);
  }

  /**
   * Returns the summary line, e.g. {@code transferred 12 files (3.4 KiB, 3481 bytes), skipped 2,
   * deleted 0, failed 0, elapsed 1.2s}.
   */
  String line() {
    return String.format(
        Locale.ROOT,
        "transferred %d files (%s, %d bytes), skipped %d, deleted %d, failed %d, "
            + "elapsed %.1fs",
        transferredFiles,
        ProgressBar.size(transferredBytes),
        transferredBytes,
        skipped,
        deleted,
        failed.size(),
        elapsedNanos / 1e9);
  }
}
