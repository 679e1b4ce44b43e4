package dev.stowage.cli;

import dev.stowage.testing.S3ProxyServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stowage s3-emulator}: runs an S3-compatible server (embedded S3Proxy) in the foreground. */
@Command(
    name = "s3-emulator",
    sortOptions = false,
    description = {
      "Run an S3-compatible server (S3Proxy) on 127.0.0.1.",
      "",
      "Runs until stopped with Ctrl-C. Objects live in memory, or in DIR with",
      "--data. Browsers may call it only from the origins given with",
      "--cors-origin."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  stowage s3-emulator --port 9000 --access-key dev --secret-key devsecret \\",
      "      --bucket test --cors-origin http://localhost:8080",
      "  AWS_ACCESS_KEY_ID=dev AWS_SECRET_ACCESS_KEY=devsecret \\",
      "      stowage ls 's3://test?endpoint=http://127.0.0.1:9000&region=us-east-1'"
    })
final class S3EmulatorCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "0",
      description = "Port to listen on (default: any free port).")
  int port;

  @Option(
      names = "--access-key",
      paramLabel = "A",
      description = "Access key id clients use (default: generated).")
  @Nullable String accessKey;

  @Option(
      names = "--secret-key",
      paramLabel = "S",
      description = "Secret key clients use (default: generated and printed).")
  @Nullable String secretKey;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Keep objects in DIR (buckets are its subdirectories).")
  @Nullable Path data;

  @Option(
      names = "--bucket",
      paramLabel = "NAME",
      description = "Create this bucket at start (repeatable).")
  List<String> buckets = new ArrayList<>();

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description =
          "Let pages from ORIGIN (e.g. http://localhost:8080, or * for any) call the server (repeatable).")
  List<String> corsOrigins = new ArrayList<>();

  private final CliContext context;

  S3EmulatorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535: " + port);
    }
    boolean generated = secretKey == null;
    String ak = accessKey != null ? accessKey : "stowage" + hex(4);
    String sk = secretKey != null ? secretKey : hex(20);
    S3ProxyServer.Builder builder =
        S3ProxyServer.builder().port(port).credentials(ak, sk).corsOrigins(corsOrigins);
    if (data != null) {
      builder.dataDirectory(data);
    }
    try {
      buckets.forEach(builder::bucket);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--bucket: " + e.getMessage(), e);
    }
    S3ProxyServer s3;
    try {
      s3 = builder.start();
    } catch (RuntimeException e) {
      throw new CommandFailedException(
          "cannot start the S3 server on port " + port + ": " + Failures.describe(e), e);
    }
    PrintWriter out = context.out();
    out.println("S3 emulator listening on " + s3.endpoint() + " (Ctrl-C to stop)");
    out.println("  export AWS_ACCESS_KEY_ID=" + ak);
    if (generated) {
      out.println("  export AWS_SECRET_ACCESS_KEY=" + sk);
    }
    String bucket = buckets.isEmpty() ? "BUCKET" : buckets.get(0);
    out.println(
        "  stowage ls 's3://" + bucket + "?endpoint=" + s3.endpoint() + "&region=us-east-1'");
    out.flush();
    Foreground.run(s3);
    return Stowage.OK;
  }

  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
