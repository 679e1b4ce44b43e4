package dev.stowage.cli;

import dev.stowage.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code stowage mv}: moves one file between any two locations. */
@Command(
    name = "mv",
    sortOptions = false,
    description = {
      "Move a file between local paths and URIs.",
      "",
      "Within one bucket the move happens server-side; otherwise the file is",
      "copied, and the source is deleted once the copy succeeded."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage mv b2://my-bucket/inbox/a.pdf b2://my-bucket/archive/",
      "  stowage mv report.pdf s3://my-bucket/reports/"
    })
final class MvCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SOURCE", description = "File to move.")
  @SuppressWarnings("NullAway.Init")
  String source;

  @Parameters(index = "1", paramLabel = "DEST", description = "Destination file or directory.")
  @SuppressWarnings("NullAway.Init")
  String destination;

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

  MvCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Location from = where.parse(source, context.workingDirectory());
    Location to = where.parse(destination, context.workingDirectory());
    if (from.isStdio() || to.isStdio()) {
      throw new UsageException("mv needs real files on both sides; use cp with '-'");
    }
    try (Session session = new Session(context, timeouts, transfer, where)) {
      Transfers transfers = new Transfers(context, session, write.quiet, write.options());
      if (!from.isLocal() && !to.isLocal() && session.sameFilesystem(from, to)) {
        Location target = transfers.resolveDestination(from, to);
        if (write.options().equals(WriteOptions.DEFAULT)) {
          session.filesystem(from).move(from.path(), target.path());
        } else {
          session.filesystem(from).move(from.path(), target.path(), write.options());
        }
        return Stowage.OK;
      }
      Location landed = transfers.copy(from, to);
      if (sameFile(from, landed, session)) {
        return Stowage.OK;
      }
      if (from.isLocal()) {
        Files.delete(from.localPath());
      } else {
        session.filesystem(from).delete(from.path());
      }
    }
    return Stowage.OK;
  }

  private static boolean sameLocalFile(java.nio.file.Path a, java.nio.file.Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean sameFile(Location a, Location b, Session session) {
    if (a.isLocal() && b.isLocal()) {
      // Also through links: mv a.txt link-to-a.txt must not delete the only copy.
      return a.localPath().equals(b.localPath()) || sameLocalFile(a.localPath(), b.localPath());
    }
    return !a.isLocal()
        && !b.isLocal()
        && session.sameFilesystem(a, b)
        && a.path().equals(b.path());
  }
}
