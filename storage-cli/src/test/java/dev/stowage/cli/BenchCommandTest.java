package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage bench} on given URIs at tiny sizes (the embedded set runs in storage-bench's smoke test). */
@Timeout(300)
class BenchCommandTest {

  @TempDir Path dir;

  @Test
  void bench_memoryAndLocalDirectory_printsTheTableWritesJsonAndExitsZero() throws Exception {
    Path json = dir.resolve("bench.json");
    Path local = Files.createDirectories(dir.resolve("disk"));

    FakeConsole.Result r =
        new FakeConsole()
            .run(
                "bench",
                "--size",
                "64KiB",
                "--runs",
                "1",
                "--listing-files",
                "50",
                "--no-jmh",
                "--no-peers",
                "--json",
                json.toString(),
                "memory:",
                local.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "target",
            "× ceiling",
            "upload 64 KiB",
            "deep list 50 files",
            "Files.copy",
            "Files.walk");
    assertThat(r.err()).contains("stowage: bench: ").contains("wrote " + json);
    assertThat(Files.readString(json)).contains("\"rows\"", "\"MEASURED\"");
    try (var left = Files.list(local)) {
      assertThat(left).as("the bench directory is removed").isEmpty();
    }
  }

  @Test
  void bench_badSize_failsAsAUsageErrorNamingTheValue() {
    FakeConsole.Result r = new FakeConsole().run("bench", "--size", "lots", "memory:");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'lots'");
  }

  @Test
  void bench_unknownScheme_failsAsAUsageErrorNamingIt() {
    FakeConsole.Result r = new FakeConsole().run("bench", "--no-jmh", "ftp://host/x");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("ftp");
  }

  @Test
  void bench_endpointWithUserInfo_isRefusedWithoutEchoingTheSecret() {
    FakeConsole.Result r =
        new FakeConsole()
            .run("bench", "--no-jmh", "b2://bucket?endpoint=http://user:S3CRET-VALUE@127.0.0.1:9");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out() + r.err()).doesNotContain("S3CRET-VALUE");
  }
}
