package dev.stowage.cli;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.b2.emulator.s3.B2S3Face;
import dev.stowage.b2.emulator.s3.ChecksumHeaders;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.setup.InvalidSpecException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stowage b2-emulator}: runs the B2 native API emulator in the foreground. */
@Command(
    name = "b2-emulator",
    sortOptions = false,
    description = {
      "Run a B2 native API emulator on 127.0.0.1.",
      "",
      "Runs until stopped with Ctrl-C. Files live in memory, or in DIR with",
      "--data (kept across restarts). With --s3-port, B2's S3-compatible API",
      "serves the same buckets on a second port."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  stowage b2-emulator --port 8180 --key-id dev --application-key devsecret \\",
      "      --bucket test-bucket",
      "  B2_APPLICATION_KEY_ID=dev B2_APPLICATION_KEY=devsecret \\",
      "      stowage ls 'b2://test-bucket?endpoint=http://127.0.0.1:8180'"
    })
final class B2EmulatorCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "0",
      description = "Port to listen on (default: any free port).")
  int port;

  @Option(
      names = "--key-id",
      paramLabel = "ID",
      description = "Master key id (default: kept in --data, else generated).")
  @Nullable String keyId;

  @Option(
      names = "--application-key",
      paramLabel = "KEY",
      description =
          "Master application key (default: kept in --data, else generated and printed once).")
  @Nullable String applicationKey;

  @Option(names = "--data", paramLabel = "DIR", description = "Keep buckets and files in DIR.")
  @Nullable Path data;

  @Option(
      names = "--s3-port",
      paramLabel = "P",
      description =
          "Also serve B2's S3-compatible API over the same buckets on port P (0: any free port); "
              + "b2_authorize_account then answers it as s3ApiUrl. Sign with an application key: the master key is refused.")
  @Nullable Integer s3Port;

  @Option(
      names = "--s3-checksum-headers",
      paramLabel = "MODE",
      defaultValue = "reject",
      description =
          "What the S3 face does with x-amz-checksum-* headers: reject (400, as B2 documents; default) or accept.")
  @SuppressWarnings("NullAway.Init")
  String s3ChecksumHeaders;

  @Option(
      names = "--bucket",
      paramLabel = "NAME",
      description = "Create this private bucket at start unless it exists (repeatable).")
  List<String> buckets = new ArrayList<>();

  private final CliContext context;

  B2EmulatorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    B2Emulator.Builder b = B2Emulator.builder();
    try {
      b.port(port);
      if (keyId != null) {
        b.keyId(keyId);
      }
      if (applicationKey != null) {
        b.applicationKey(applicationKey);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
    if (data != null) {
      b.dataDirectory(data);
    }
    ChecksumHeaders checksums =
        switch (s3ChecksumHeaders.toLowerCase(Locale.ROOT)) {
          case "reject" -> ChecksumHeaders.REJECT;
          case "accept" -> ChecksumHeaders.ACCEPT;
          default ->
              throw new UsageException(
                  "--s3-checksum-headers must be reject or accept, not " + s3ChecksumHeaders);
        };
    if (s3Port != null && (s3Port < 0 || s3Port > 65535)) {
      throw new UsageException("--s3-port must be 0..65535 but was " + s3Port);
    }
    B2Emulator emulator;
    try {
      emulator = b.start();
    } catch (RuntimeException e) {
      throw new CommandFailedException(
          "cannot start the B2 emulator on port " + port + ": " + Failures.describe(e), e);
    }
    try {
      createBuckets(emulator);
    } catch (InvalidSpecException e) {
      emulator.close();
      throw new UsageException("--bucket: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
    B2S3Face face = null;
    if (s3Port != null) {
      try {
        face = B2S3Face.builder(emulator).port(s3Port).checksumHeaders(checksums).start();
      } catch (RuntimeException e) {
        emulator.close();
        throw new CommandFailedException(
            "cannot start the S3 face on port " + s3Port + ": " + Failures.describe(e), e);
      }
    }
    PrintWriter out = context.out();
    out.println("B2 emulator listening on " + emulator.url() + " (Ctrl-C to stop)");
    if (face != null) {
      out.println(
          "  S3 API (s3ApiUrl) on "
              + face.endpoint()
              + "; sign with an application key, not the master key");
    }
    out.println("  export B2_APPLICATION_KEY_ID=" + emulator.keyId());
    if (emulator.applicationKeyGenerated()) {
      out.println("  export B2_APPLICATION_KEY=" + emulator.applicationKey());
    } else if (applicationKey == null) {
      // a key kept in --data was shown when it was made; never print it again
      out.println(
          "  # B2_APPLICATION_KEY: not shown; kept in "
              + emulator.accountFile()
              + " (field masterKey), or set one with --application-key");
    }
    String bucket = buckets.isEmpty() ? "BUCKET" : buckets.get(0);
    out.println("  stowage ls 'b2://" + bucket + "?endpoint=" + emulator.url() + "'");
    out.flush();
    B2S3Face started = face;
    Foreground.run(
        () -> {
          try {
            if (started != null) {
              started.close();
            }
          } finally {
            emulator.close();
          }
        });
    return Stowage.OK;
  }

  private void createBuckets(B2Emulator emulator) {
    if (buckets.isEmpty()) {
      return;
    }
    try (B2BucketSetup setup =
        B2BucketSetup.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(emulator.keyId(), emulator.applicationKey())
            .build()) {
      for (String name : buckets) {
        setup.run(BucketSpec.builder(name).build());
      }
    }
  }
}
