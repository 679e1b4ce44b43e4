package dev.stowage.cli;

import dev.stowage.WriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage sync}: makes a destination directory hold what a source directory holds. */
@Command(
    name = "sync",
    sortOptions = false,
    description = {
      "Make DEST match SOURCE: send the files DEST lacks or holds differently.",
      "",
      "Both are directories: local paths, b2:, s3: or memory: locations. Files",
      "already identical are skipped: same size and a checksum both sides have",
      "(B2 SHA-1, S3 MD5 ETag; local files are hashed to match), else same size",
      "and DEST at least as new as SOURCE (to the second). --checksum compares",
      "contents by hash always. Within one bucket files are copied server-side.",
      "Every file is written whole or not at all, so after an interruption or a",
      "failure, running the same command again sends only what is missing.",
      "Names the destination cannot hold as they are (e.g. longer than 255 bytes",
      "locally, '\\' on a remote side, '.' or '..' segments) fail that file.",
      "The summary (stdout) counts transferred, skipped, deleted and failed",
      "files; the exit status is 1 when any file failed, each named on stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage sync ./photos b2://my-bucket/photos",
      "  stowage sync --dry-run --delete b2://my-bucket/site \\",
      "      's3://other/site?endpoint=https://s3.us-west-004.backblazeb2.com'",
      "  stowage sync --transfers 16 --checksum s3://old/data b2://new/data",
      "  stowage sync b2://my-bucket/a b2://my-bucket/b     (server-side copies)"
    })
final class SyncCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Directory to read.")
  @SuppressWarnings("NullAway.Init")
  String source;

  @Parameters(
      index = "1",
      paramLabel = "DEST",
      description = "Directory to make like SOURCE (created as needed).")
  @SuppressWarnings("NullAway.Init")
  String destination;

  @Option(
      names = "--delete",
      description =
          "Also remove DEST files that SOURCE lacks (only when every transfer succeeded).")
  boolean delete;

  @Option(
      names = {"-n", "--dry-run"},
      description =
          "Print the plan (copy, update, skip, delete per file, then totals); change nothing.")
  boolean dryRun;

  @Option(
      names = {"-c", "--checksum"},
      description = "Compare files of the same size by content hash, never by time.")
  boolean checksum;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output (the summary still prints).")
  boolean quiet;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  ParallelOptions parallel;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TransferOptions transfer;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TimeoutOptions timeouts;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  LocationOptions where;

  private final CliContext context;

  SyncCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    long started = context.nanoTime().getAsLong();
    Location from = where.parse(source, context.workingDirectory());
    Location to = where.parse(destination, context.workingDirectory());
    try (Session session = new Session(context, timeouts, transfer, where)) {
      refuseOverlap(from, to, session);
      ExecutorService pool = TreeTransfer.pool(parallel.transfers);
      try {
        TreeWalk src = TreeWalk.of(from, session, false);
        TreeWalk dst = TreeWalk.of(to, session, true);
        SyncPlan plan =
            SyncPlan.compare(src, dst, new ContentMatch(session, src, dst, checksum), delete, pool);
        if (dryRun) {
          plan.print(context.out());
          context.out().println("dry run: nothing was changed");
          return Stowage.OK;
        }
        return run(
            context, session, from, to, WriteOptions.DEFAULT, plan, pool, quiet, "sync", started);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Runs {@code plan} from {@code from} to {@code to}, prints the summary on standard output and
   * returns the exit status: {@link Stowage#FAILED} when any file failed.
   */
  static int run(
      CliContext context,
      Session session,
      Location from,
      Location to,
      WriteOptions options,
      SyncPlan plan,
      ExecutorService pool,
      boolean quiet,
      String label,
      long started)
      throws IOException {
    SyncProgress progress =
        new SyncProgress(
            context.err(),
            context.terminal(),
            context.nanoTime(),
            quiet,
            label,
            plan.transfers().size(),
            plan.bytesToTransfer());
    SyncSummary summary =
        new TreeTransfer(context, session, from, to, options, progress).run(plan, pool, started);
    context.out().println(summary.line());
    if (!summary.failed().isEmpty()) {
      context
          .err()
          .println(
              "stowage: "
                  + label
                  + ": "
                  + summary.failed().size()
                  + " of "
                  + plan.transfers().size()
                  + " files failed (named above); run the command again to retry them");
      return Stowage.FAILED;
    }
    return Stowage.OK;
  }

  /**
   * Copies the tree at {@code from} to {@code to} for {@code cp -r}: into {@code to} itself, or
   * below it under the source's name when {@code to} ends in {@code /} or is an existing
   * directory. Every file is sent, identical or not. A source that is a file is copied as
   * {@code cp} copies one.
   */
  static int copyTree(
      CliContext context,
      Session session,
      Location from,
      Location to,
      WriteOptions options,
      int transfers,
      boolean quiet)
      throws IOException {
    long started = context.nanoTime().getAsLong();
    if (from.isStdio() || to.isStdio()) {
      throw new UsageException("cp -r copies directories; '-' (standard input/output) holds none");
    }
    if (isFile(from, session)) {
      new Transfers(context, session, quiet, options).copy(from, to);
      return Stowage.OK;
    }
    Location target =
        from.name().isEmpty()
            ? to
            : new Transfers(context, session, quiet, options).resolveDestination(from, to);
    refuseOverlap(from, target, session);
    ExecutorService pool = TreeTransfer.pool(transfers);
    try {
      SyncPlan plan = SyncPlan.copyAll(TreeWalk.of(from, session, false));
      return run(context, session, from, target, options, plan, pool, quiet, "cp", started);
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean isFile(Location l, Session session) {
    if (l.isLocal()) {
      return java.nio.file.Files.isRegularFile(l.localPath());
    }
    return !l.path().isEmpty() && session.filesystem(l).fileExists(l.path());
  }

  /** Refuses a source and destination that are the same directory, or one inside the other. */
  static void refuseOverlap(Location from, Location to, Session session) {
    if (from.isStdio() || to.isStdio()) {
      throw new UsageException("sync works on directories; '-' (standard input/output) holds none");
    }
    String a;
    String b;
    if (from.isLocal() && to.isLocal()) {
      a = Location.withLinksResolved(Path.of(from.path())).toString();
      b = Location.withLinksResolved(Path.of(to.path())).toString();
    } else if (!from.isLocal() && !to.isLocal() && session.sameFilesystem(from, to)) {
      a = "/" + from.path();
      b = "/" + to.path();
    } else {
      return;
    }
    if (a.equals(b)) {
      throw new UsageException("'" + from + "' and '" + to + "' are the same directory");
    }
    if (inside(a, b) || inside(b, a)) {
      throw new UsageException(
          "'"
              + from
              + "' and '"
              + to
              + "' overlap (one is inside the other); "
              + "choose a destination outside the source");
    }
  }

  private static boolean inside(String parent, String child) {
    String p = parent.endsWith("/") ? parent : parent + "/";
    return child.startsWith(p);
  }
}
