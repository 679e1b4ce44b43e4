package dev.stowage.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage cp}: copies one file between any two locations. */
@Command(
    name = "cp",
    sortOptions = false,
    description = {
      "Copy a file between local paths, URIs and '-' (stdin/stdout).",
      "",
      "Within one bucket the copy happens server-side; otherwise it streams,",
      "with a progress bar on a terminal. A destination ending in '/' (or an",
      "existing directory) keeps the source's name.",
      "",
      "With -r a directory is copied with everything below it, several files at",
      "once (--transfers); to copy only what changed, use sync."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage cp video.mp4 b2://my-bucket/videos/",
      "  stowage cp b2://my-bucket/videos/video.mp4 .",
      "  stowage cp b2://my-bucket/a.txt \\",
      "      's3://other/a.txt?endpoint=https://s3.us-west-004.backblazeb2.com'",
      "  tar c dir | stowage cp - s3://my-bucket/backup.tar",
      "  stowage cp -r ./site b2://my-bucket/       (makes b2://my-bucket/site)"
    })
final class CpCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SOURCE", description = "File to copy.")
  @SuppressWarnings("NullAway.Init")
  String source;

  @Parameters(index = "1", paramLabel = "DEST", description = "Destination file or directory.")
  @SuppressWarnings("NullAway.Init")
  String destination;

  @Option(
      names = {"-r", "-R", "--recursive"},
      description = "Copy a directory and everything below it.")
  boolean recursive;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  ParallelOptions parallel;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  WriteOptionsMixin write;

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

  CpCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Location from = where.parse(source, context.workingDirectory());
    Location to = where.parse(destination, context.workingDirectory());
    if (from.isStdio() && to.isStdio()) {
      throw new UsageException("source and destination are both '-'; use cat");
    }
    try (Session session = new Session(context, timeouts, transfer, where)) {
      if (recursive) {
        return SyncCommand.copyTree(
            context, session, from, to, write.options(), parallel.transfers, write.quiet);
      }
      new Transfers(context, session, write.quiet, write.options()).copy(from, to);
    }
    return Stowage.OK;
  }
}
