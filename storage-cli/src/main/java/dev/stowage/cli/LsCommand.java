package dev.stowage.cli;

import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageAttributes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage ls}: lists a directory, or shows one file. */
@Command(
    name = "ls",
    sortOptions = false,
    description = {
      "List a directory; directories end in '/'.",
      "",
      "Given a file, shows just that file. Local paths follow symbolic links, as",
      "cat and cp do: a link is listed as the file or directory it leads to."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage ls b2://my-bucket/photos",
      "  stowage ls -lR 's3://my-bucket?endpoint=http://127.0.0.1:9000'",
      "  stowage ls -l ./build"
    })
final class LsCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Option(names = "-l", description = "Long format: size in bytes, modification time (UTC), name.")
  boolean longFormat;

  @Option(
      names = {"-R", "--recursive"},
      description = "List everything below, not just the direct children.")
  boolean recursive;

  @Parameters(
      paramLabel = "LOCATION",
      defaultValue = ".",
      description = "Directory or file (default: the current directory).")
  @SuppressWarnings("NullAway.Init")
  String target;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TimeoutOptions timeouts;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  LocationOptions where;

  private final CliContext context;

  LsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Location given = where.parse(target, context.workingDirectory());
    if (given.isLocal() && Files.isDirectory(given.localPath())) {
      // Local directories are listed as the shell sees them, links followed (LocalEntries).
      try (Stream<StorageAttributes> entries = LocalEntries.list(given.localPath(), recursive)) {
        entries.forEach(e -> context.out().println(line(e, e.path())));
      }
      return Stowage.OK;
    }
    Location location = given.asFilesystemPath();
    PrintWriter out = context.out();
    try (Session session = new Session(context, timeouts, TransferOptions.NONE, where)) {
      Filesystem fs = session.filesystem(location);
      String dir = location.path();
      if (!dir.isEmpty() && !fs.directoryExists(dir)) {
        if (!fs.fileExists(dir)) {
          throw new CommandFailedException("'" + location + "': no such file or directory");
        }
        FileAttributes file = fs.stat(dir);
        out.println(line(file, location.name()));
        return Stowage.OK;
      }
      String prefix = dir.isEmpty() ? "" : dir + "/";
      try (DirectoryListing listing = fs.list(dir, recursive)) {
        for (StorageAttributes entry : listing) {
          String name =
              entry.path().startsWith(prefix)
                  ? entry.path().substring(prefix.length())
                  : entry.path();
          out.println(line(entry, name));
        }
      }
    }
    return Stowage.OK;
  }

  private String line(StorageAttributes entry, String name) {
    String printable = Printable.name(name);
    String shown = entry.isDirectory() ? printable + "/" : printable;
    if (!longFormat) {
      return shown;
    }
    String size =
        entry instanceof FileAttributes ? Long.toString(((FileAttributes) entry).size()) : "-";
    Instant modified = entry.lastModified();
    String time = modified == null ? "-" : TIME.format(modified);
    return String.format("%12s  %-19s  %s", size, time, shown);
  }
}
