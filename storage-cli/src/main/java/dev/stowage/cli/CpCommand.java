package dev.stowage.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code stowage cp}: copies one file between any two locations. */
@Command(name = "cp", sortOptions = false,
    description = {"Copy a file between local paths, URIs and '-' (stdin/stdout).", "",
        "Within one bucket the copy happens server-side; otherwise it streams,",
        "with a progress bar on a terminal. A destination ending in '/' (or an",
        "existing directory) keeps the source's name."},
    footerHeading = "%nExamples:%n",
    footer = {"  stowage cp video.mp4 b2://my-bucket/videos/", "  stowage cp b2://my-bucket/videos/video.mp4 .",
        "  stowage cp b2://my-bucket/a.txt \\",
        "      's3://other/a.txt?endpoint=https://s3.us-west-004.backblazeb2.com'",
        "  tar c dir | stowage cp - s3://my-bucket/backup.tar"})
final class CpCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SOURCE", description = "File to copy.")
  String source;

  @Parameters(index = "1", paramLabel = "DEST", description = "Destination file or directory.")
  String destination;

  @Mixin
  WriteOptionsMixin write;

  @Mixin
  TransferOptions transfer;

  @Mixin
  TimeoutOptions timeouts;

  @Mixin
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
      new Transfers(context, session, write.quiet, write.options()).copy(from, to);
    }
    return Stowage.OK;
  }
}
