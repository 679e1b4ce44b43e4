package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --timeout}, {@code --connect-timeout} and {@code --idle-timeout} on the file commands. */
@Timeout(60)
class TimeoutOptionsTest {

  private static TimeoutOptions parsed(String... args) {
    List<String> all = new ArrayList<>(List.of("stat"));
    all.addAll(List.of(args));
    all.add("memory://x/y");
    picocli.CommandLine cl =
        Stowage.commandLine(
            new FakeConsole()
                .context(
                    new java.io.ByteArrayOutputStream(),
                    new java.io.PrintWriter(new java.io.StringWriter())));
    picocli.CommandLine.ParseResult r = cl.parseArgs(all.toArray(String[]::new));
    return ((StatCommand) r.subcommand().commandSpec().userObject()).timeouts;
  }

  @Test
  void settings_forB2AndS3_carryTheGivenDeadlines() {
    TimeoutOptions t =
        parsed("--timeout", "90s", "--connect-timeout", "500ms", "--idle-timeout", "2m");

    assertThat(t.settings("b2"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("timeout", "90s", "connectTimeout", "500ms", "idleTimeout", "2m"));
    assertThat(t.settings("s3")).containsEntry("timeout", "90s");
  }

  @Test
  void settings_onlyGivenOnesArePassed() {
    assertThat(parsed("--idle-timeout", "10s").settings("b2"))
        .containsExactly(Map.entry("idleTimeout", "10s"));
    assertThat(parsed().settings("s3")).isEmpty();
  }

  @Test
  void settings_forLocalAndMemory_areEmpty_soThoseAdaptersAreNotBroken() {
    TimeoutOptions t = parsed("--timeout", "5s");

    assertThat(t.settings("file")).isEmpty();
    assertThat(t.settings("memory")).isEmpty();
    FakeConsole console = new FakeConsole();
    String root = "memory://timeouts-" + UUID.randomUUID().toString().substring(0, 8);
    FakeConsole.Result r =
        console.run(
            "ls", "--timeout", "5s", "--connect-timeout", "1s", "--idle-timeout", "2s", root);
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "-5s", "0s", "5 parsecs"})
  void timeout_badDuration_isAUsageErrorNamingTheOption(String value) {
    FakeConsole.Result r = new FakeConsole().run("ls", "--timeout", value, "memory://x");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--timeout");
  }

  /**
   * Needs adapters that know the {@code timeout} setting (issue 10, the adapters' part): with
   * them, a server that accepts and never answers fails the command within the deadline.
   */
  @ParameterizedTest
  @ValueSource(strings = {"b2", "s3"})
  @Tag("interop")
  void ls_silentServer_failsWithinTheTimeoutGiven(String scheme) throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (java.io.IOException closed) {
                  // The test is over.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
      String uri =
          "b2".equals(scheme)
              ? "b2://silent-bucket/?endpoint=" + endpoint
              : "s3://silent-bucket/?endpoint=" + endpoint + "&region=us-east-1";
      FakeConsole console =
          new FakeConsole()
              .env("B2_APPLICATION_KEY_ID", "id")
              .env("B2_APPLICATION_KEY", "key")
              .env("AWS_ACCESS_KEY_ID", "id")
              .env("AWS_SECRET_ACCESS_KEY", "secret");

      // A first run loads the adapter's classes, so that the measured run times the deadline
      // rather than this JVM's class loading (over a second on a loaded machine).
      console.run("ls", "--timeout", "500ms", uri);
      long start = System.nanoTime();
      FakeConsole.Result r = console.run("ls", "--timeout", "2s", uri);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(seconds).as(r.toString()).isLessThan(2 + 1.5);
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
