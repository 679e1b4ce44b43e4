package dev.stowage.cli;

import dev.stowage.Filesystem;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage rm}: deletes files, and directories with {@code -r}. */
@Command(
    name = "rm",
    sortOptions = false,
    description = {
      "Delete files, or with -r directories and all below.",
      "",
      "A local symbolic link is deleted itself, never what it leads to."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  stowage rm b2://my-bucket/old.log", "  stowage rm -r s3://my-bucket/tmp/"})
final class RmCommand implements Callable<Integer> {

  @Option(
      names = {"-r", "-R", "--recursive"},
      description = "Delete directories and their contents.")
  boolean recursive;

  @Option(
      names = {"-f", "--force"},
      description = "Ignore locations that do not exist.")
  boolean force;

  @Parameters(
      paramLabel = "LOCATION",
      arity = "1..*",
      description = "Files or directories to delete.")
  @SuppressWarnings("NullAway.Init")
  List<String> targets;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TimeoutOptions timeouts;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  LocationOptions where;

  private final CliContext context;

  RmCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    try (Session session = new Session(context, timeouts, TransferOptions.NONE, where)) {
      for (String target : targets) {
        Location given = where.parse(target, context.workingDirectory());
        if (given.isLocal() && Files.isSymbolicLink(given.localPath())) {
          // The link goes, never what it leads to (as rm does).
          Files.delete(given.localPath());
          continue;
        }
        Location location = given.asFilesystemPath();
        if (location.path().isEmpty()) {
          throw new UsageException(
              "'" + location + "' is a root; refusing to delete a whole bucket or disk");
        }
        Filesystem fs = session.filesystem(location);
        if (fs.fileExists(location.path())) {
          fs.delete(location.path());
        } else if (fs.directoryExists(location.path())) {
          if (!recursive) {
            throw new CommandFailedException(
                "'" + location + "' is a directory; use rm -r to delete it and everything below");
          }
          fs.deleteDirectory(location.path());
        } else if (!force) {
          throw new CommandFailedException("'" + location + "': no such file or directory");
        }
      }
    }
    return Stowage.OK;
  }
}
