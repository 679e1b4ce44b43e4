package dev.stowage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stowage upload-ticket}: prints what a browser needs to upload one file straight to the
 * bucket. Unlike every other output, this one shows the signed URL and the token headers: handing
 * them over is the point.
 */
@Command(
    name = "upload-ticket",
    sortOptions = false,
    description = {
      "Print a ticket (JSON) for a browser upload straight to the bucket.",
      "",
      "To upload, send 'method' to 'url' with exactly 'headers' and the file",
      "as the body. The ticket is a credential until it expires: hand it only",
      "to the uploader. B2 native tickets allow uploads to any name in the",
      "bucket for 24 hours; S3 tickets allow one upload to this exact key",
      "with this content type."
    },
    footerHeading = "%nExample:%n",
    footer = {"  stowage upload-ticket b2://my-bucket/avatars/42.png --content-type image/png"})
final class UploadTicketCommand implements Callable<Integer> {

  @Parameters(paramLabel = "LOCATION", description = "The file the upload creates.")
  @SuppressWarnings("NullAway.Init")
  String target;

  @Option(
      names = "--content-type",
      paramLabel = "TYPE",
      required = true,
      description = "Content type the uploader must send.")
  @SuppressWarnings("NullAway.Init")
  String contentType;

  @Option(
      names = "--expires",
      paramLabel = "D",
      converter = Durations.class,
      defaultValue = "1h",
      description =
          "How long the ticket works (default: ${DEFAULT-VALUE}); B2 native tickets last 24h regardless.")
  @SuppressWarnings("NullAway.Init")
  Duration expires;

  @Option(
      names = "--size",
      paramLabel = "BYTES",
      defaultValue = "-1",
      description = "Exact size the upload must have, where the backend can enforce it.")
  long size;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  TimeoutOptions timeouts;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  LocationOptions where;

  private final CliContext context;

  UploadTicketCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    Location location = where.parse(target, context.workingDirectory()).asFilesystemPath();
    if (size < -1) {
      throw new UsageException("--size must be 0 or more bytes: " + size);
    }
    try (Session session = new Session(context, timeouts, TransferOptions.NONE, where)) {
      UploadTicket ticket =
          session
              .filesystem(location)
              .prepareUpload(
                  location.path(), expires, new UploadConstraints(contentType, size, null));
      context.out().println(toJson(ticket));
    }
    return Stowage.OK;
  }

  /** Returns the ticket as pretty JSON, with the URL and header values in full. */
  static String toJson(UploadTicket ticket) throws JsonProcessingException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", ticket.path());
    json.put("method", ticket.method());
    json.put("url", ticket.url().toString());
    json.put("headers", new TreeMap<>(ticket.headers()));
    json.put("expiresAt", ticket.expiresAt().toString());
    json.put("scope", ticket.scope().name().toLowerCase(Locale.ROOT));
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
  }
}
