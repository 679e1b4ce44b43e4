package dev.stowage.cli;

import dev.stowage.CancellationToken;
import dev.stowage.spi.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code stowage cat}: writes files to standard output. */
@Command(
    name = "cat",
    description = "Write files to standard output, one after another.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage cat b2://my-bucket/notes.txt",
      "  stowage cat s3://my-bucket/data.csv | head"
    })
final class CatCommand implements Callable<Integer> {

  @Parameters(paramLabel = "LOCATION", arity = "1..*", description = "Files to print.")
  @SuppressWarnings("NullAway.Init")
  List<String> targets;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TimeoutOptions timeouts;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  LocationOptions where;

  private final CliContext context;

  CatCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    context.out().flush();
    OutputStream stdout = context.stdout();
    try (Session session = new Session(context, timeouts, TransferOptions.NONE, where)) {
      for (String target : targets) {
        Location location = where.parse(target, context.workingDirectory());
        CancellationToken token = Cancellation.token();
        if (location.isStdio()) {
          Transfer.of(null, token).track(context.stdin()).transferTo(stdout);
          continue;
        }
        try (InputStream in =
            location.isLocal()
                ? Transfer.of(null, token).track(Files.newInputStream(location.localPath()))
                : session.filesystem(location).readStream(location.path(), null, null, token)) {
          in.transferTo(stdout);
        }
      }
    } finally {
      stdout.flush();
    }
    return Stowage.OK;
  }
}
