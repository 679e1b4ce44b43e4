package dev.stowage.cli;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code stowage stat}: shows a file's attributes. */
@Command(
    name = "stat",
    description = "Show a file's size, time, type, checksums and metadata.",
    footerHeading = "%nExample:%n",
    footer = "  stowage stat b2://my-bucket/photos/cat.jpg")
final class StatCommand implements Callable<Integer> {

  @Parameters(paramLabel = "LOCATION", description = "The file.")
  @SuppressWarnings("NullAway.Init")
  String target;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TimeoutOptions timeouts;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  LocationOptions where;

  private final CliContext context;

  StatCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Location location = where.parse(target, context.workingDirectory()).asFilesystemPath();
    PrintWriter out = context.out();
    try (Session session = new Session(context, timeouts, TransferOptions.NONE, where)) {
      Filesystem fs = session.filesystem(location);
      if (location.path().isEmpty()
          || (!fs.fileExists(location.path()) && fs.directoryExists(location.path()))) {
        field(out, "path", location.path().isEmpty() ? "/" : location.path() + "/");
        field(out, "type", "directory");
        return Stowage.OK;
      }
      FileAttributes a = fs.stat(location.path());
      field(out, "path", a.path());
      field(out, "type", "file");
      field(out, "size", a.size() + " (" + ProgressBar.size(a.size()) + ")");
      field(out, "modified", a.lastModified());
      field(out, "content-type", a.contentType());
      field(
          out,
          "visibility",
          a.visibility() == null ? null : a.visibility().name().toLowerCase(Locale.ROOT));
      field(out, "etag", a.etag());
      field(out, "version", a.version());
      field(out, "cache-control", a.cacheControl());
      field(out, "content-disposition", a.contentDisposition());
      field(out, "content-encoding", a.contentEncoding());
      for (Map.Entry<ChecksumAlgorithm, String> c : a.checksums().entrySet()) {
        field(out, c.getKey().name().toLowerCase(Locale.ROOT).replace("_", ""), c.getValue());
      }
      for (Map.Entry<String, String> m : a.userMetadata().entrySet()) {
        field(out, "meta." + m.getKey(), m.getValue());
      }
    }
    return Stowage.OK;
  }

  private static void field(PrintWriter out, String name, @Nullable Object value) {
    if (value != null) {
      out.printf("%-20s %s%n", name + ":", value);
    }
  }
}
