package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code stowage.jar} (after {@code package}) and the {@code ./stowage} launcher
 * over it, as separate processes: what only the packaged jar can get wrong — a missing service
 * file, a signed-jar leftover, a logging binding — shows up here.
 */
@Timeout(600)
class PackagedJarIT {

  private static final Path JAR = Path.of(System.getProperty("stowage.jar", "target/stowage.jar"));
  private static final Path ROOT = Path.of(System.getProperty("stowage.root", ".."));
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String stdin, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: " + List.of(command)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  private Run stowage(Map<String, String> env, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return run(env, stdin, command.toArray(String[]::new));
  }

  @Test
  void jar_version_printsTheProjectVersion() throws Exception {
    assumeTrue(Files.exists(JAR), "no packaged jar at " + JAR + "; run mvn package");

    Run r = stowage(Map.of(), "", "--version");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("stowage 0.").doesNotContain("dev");
  }

  @Test
  void launcherScript_overThePackagedJar_runsUnderPosixSh() throws Exception {
    assumeTrue(Files.exists(JAR), "no packaged jar at " + JAR);
    Path script = ROOT.resolve("stowage").toAbsolutePath();

    Run help =
        run(
            Map.of("STOWAGE_JAR", JAR.toAbsolutePath().toString()),
            "",
            "sh",
            script.toString(),
            "--help");
    Run usage =
        run(
            Map.of("STOWAGE_JAR", JAR.toAbsolutePath().toString()),
            "",
            "sh",
            script.toString(),
            "cp");
    Run missing =
        run(
            Map.of("STOWAGE_JAR", dir.resolve("none.jar").toString()),
            "",
            "sh",
            script.toString(),
            "--help");

    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out()).contains("Usage: stowage");
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("STOWAGE_JAR");
  }

  @Test
  void jar_tckOnMemory_findsTheJUnitEngineAndTheProviders() throws Exception {
    assumeTrue(Files.exists(JAR), "no packaged jar at " + JAR);

    Run r = stowage(Map.of(), "", "tck", "--quick", "memory:");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("memory:").contains("total");
  }

  @Test
  void jar_s3Emulator_startsQuietly_andServesCp() throws Exception {
    assumeTrue(Files.exists(JAR), "no packaged jar at " + JAR);
    Process emulator =
        new ProcessBuilder(
                JAVA,
                "-jar",
                JAR.toAbsolutePath().toString(),
                "s3-emulator",
                "--access-key",
                "jar",
                "--secret-key",
                "jar-secret-0123",
                "--bucket",
                "jar-test")
            .redirectError(dir.resolve("emulator-err.txt").toFile())
            .start();
    try {
      String url = listeningUrl(emulator);
      Map<String, String> env =
          Map.of("AWS_ACCESS_KEY_ID", "jar", "AWS_SECRET_ACCESS_KEY", "jar-secret-0123");
      String uri = "s3://jar-test/hello.txt?endpoint=" + url + "&region=us-east-1";

      Run cp = stowage(env, "from the jar", "cp", "-", uri);
      Run cat = stowage(env, "", "cat", uri);

      assertThat(cp.exit()).as(cp.err()).isZero();
      assertThat(cat.out()).isEqualTo("from the jar");
      assertThat(cp.err() + cat.err()).doesNotContain("DEBUG").doesNotContain("SLF4J");
    } finally {
      emulator.destroy();
      assertThat(emulator.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(dir.resolve("emulator-err.txt")))
        .doesNotContain("DEBUG")
        .doesNotContain("SLF4J");
  }

  private static String listeningUrl(Process process) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              Pattern p = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  Matcher m = p.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
                url.completeExceptionally(
                    new AssertionError("the emulator exited without listening"));
              } catch (java.io.IOException e) {
                url.completeExceptionally(e);
              }
            },
            "emulator-output");
    reader.setDaemon(true);
    reader.start();
    return url.get(120, TimeUnit.SECONDS);
  }
}
