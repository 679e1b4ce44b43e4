package dev.stowage.cli;

import dev.stowage.Filesystem;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stowage url}: prints a URL that reads a file without credentials. */
@Command(
    name = "url",
    sortOptions = false,
    description = {
      "Print a URL that downloads a file without credentials.",
      "",
      "Without --expires, the public URL; with it, a temporary URL (signed,",
      "or carrying a download token) that stops working after D.",
      "",
      "On B2 a temporary URL is scoped by name prefix, as B2 authorizes downloads:",
      "the URL for share/report also opens share/report-confidential.txt. Keep",
      "files you share in a directory of their own (share/report/...)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage url b2://public-bucket/logo.png",
      "  stowage url --expires 15m b2://private-bucket/report.pdf"
    })
final class UrlCommand implements Callable<Integer> {

  @Option(
      names = "--expires",
      paramLabel = "D",
      converter = Durations.class,
      description = "Make a temporary URL valid for D: 90s, 15m, 24h, 7d.")
  @Nullable Duration expires;

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

  UrlCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Location location = where.parse(target, context.workingDirectory()).asFilesystemPath();
    try (Session session = new Session(context, timeouts, TransferOptions.NONE, where)) {
      Filesystem fs = session.filesystem(location);
      context
          .out()
          .println(
              expires == null
                  ? fs.publicUrl(location.path())
                  : fs.temporaryUrl(location.path(), expires));
    }
    return Stowage.OK;
  }
}
