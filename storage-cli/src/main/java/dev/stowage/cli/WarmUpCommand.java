package dev.stowage.cli;

import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code stowage warm-up} (hidden): runs the everyday file commands once against an in-process
 * B2 emulator and S3Proxy, so that a JVM started with {@code -XX:ArchiveClassesAtExit} records
 * every class a real command loads. The {@code ./stowage} launcher does this after it builds
 * the jar and starts later commands from that class-data archive, which halves their start-up.
 *
 * <p>The commands run through {@link Stowage#run} exactly as typed ones do, with their output
 * discarded. Exit status 0 when every one of them succeeded, 1 otherwise (the launcher then
 * throws the archive away).
 */
@Command(
    name = "warm-up",
    hidden = true,
    description =
        "Run every file command once on in-process servers (used to build the start-up archive).")
final class WarmUpCommand implements Callable<Integer> {

  private static final String BUCKET = "stowage-warm-up";
  private static final String S3_KEY = "warm-up";

  private final CliContext context;

  WarmUpCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("stowage-warm-up-");
    List<String> failed = new ArrayList<>();
    try (B2Emulator b2 = B2Emulator.builder().start()) {
      try (B2BucketSetup setup =
          B2BucketSetup.builder()
              .endpoint(URI.create(b2.url()))
              .credentials(b2.keyId(), b2.applicationKey())
              .build()) {
        setup.run(BucketSpec.builder(BUCKET).build());
      }
      String secret = S3EmulatorCommand.hex(20);
      S3ProxyServer s3 = S3ProxyServer.builder().credentials(S3_KEY, secret).bucket(BUCKET).start();
      try {
        CliContext quiet =
            quiet(
                dir,
                Map.of(
                    "B2_APPLICATION_KEY_ID",
                    b2.keyId(),
                    "B2_APPLICATION_KEY",
                    b2.applicationKey(),
                    "AWS_ACCESS_KEY_ID",
                    S3_KEY,
                    "AWS_SECRET_ACCESS_KEY",
                    secret));
        Files.write(dir.resolve("one.bin"), new byte[] {1});
        Files.write(dir.resolve("two.bin"), "two".getBytes(StandardCharsets.UTF_8));
        String b2Query = "?endpoint=" + b2.url();
        String s3Query = "?endpoint=" + s3.endpoint();
        // With and without a region: an S3 location without one takes another path in the SDK.
        exercise(quiet, "b2://" + BUCKET, b2Query, failed);
        exercise(quiet, "s3://" + BUCKET, s3Query + "&region=us-east-1", failed);
        run(quiet, failed, "cp", "one.bin", "s3://" + BUCKET + "/no-region.bin" + s3Query);
        run(quiet, failed, "cp", "one.bin", "memory:/one.bin");
        run(quiet, failed, "ls", dir.toString());
        run(quiet, failed, "--version");
        run(quiet, failed, "cp", "--help");
      } finally {
        s3.close();
      }
    } finally {
      deleteQuietly(dir);
    }
    if (!failed.isEmpty()) {
      context.err().println("stowage: warm-up: these commands failed: " + failed);
      return Stowage.FAILED;
    }
    return Stowage.OK;
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A leftover in the temporary directory is not worth failing the warm-up over.
    }
  }

  /** Runs what people do with a bucket: upload, list, stat, download, cat, move, delete. */
  private void exercise(CliContext quiet, String bucket, String query, List<String> failed) {
    String one = bucket + "/warm/one.bin" + query;
    run(quiet, failed, "cp", "one.bin", one);
    run(quiet, failed, "cp", "two.bin", bucket + "/warm/" + query);
    run(quiet, failed, "ls", bucket + "/warm/" + query);
    run(quiet, failed, "ls", "-l", bucket + "/" + query);
    run(quiet, failed, "stat", one);
    run(quiet, failed, "cp", one, "back.bin");
    run(quiet, failed, "cat", one);
    run(quiet, failed, "mv", one, bucket + "/warm/moved.bin" + query);
    run(quiet, failed, "rm", bucket + "/warm/moved.bin" + query);
    run(quiet, failed, "rm", bucket + "/warm/two.bin" + query);
  }

  private void run(CliContext quiet, List<String> failed, String... args) {
    StringWriter err = new StringWriter();
    CliContext c =
        new CliContext(
            quiet.stdin(),
            quiet.stdout(),
            quiet.out(),
            new PrintWriter(err),
            quiet.env(),
            quiet.terminal(),
            quiet.nanoTime(),
            quiet.clock(),
            quiet.workingDirectory());
    if (Stowage.run(c, args) != Stowage.OK) {
      failed.add(args[0] + " (" + err.toString().strip() + ")");
    }
  }

  private static CliContext quiet(Path dir, Map<String, String> env) {
    OutputStream none = OutputStream.nullOutputStream();
    return new CliContext(
        new ByteArrayInputStream(new byte[0]),
        none,
        new PrintWriter(none),
        new PrintWriter(none),
        env,
        Terminal.NONE,
        System::nanoTime,
        Clock.systemDefaultZone(),
        dir);
  }
}
