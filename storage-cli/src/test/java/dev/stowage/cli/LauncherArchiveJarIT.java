package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./stowage} launcher's class-data archive, over the packaged jar in a copy of the
 * project layout whose jar is newer than its sources (so the launcher never builds): it records
 * the archive once, commands start from it, and a missing, stale or unrecordable archive never
 * breaks a command nor adds a word to its output.
 */
@Timeout(600)
class LauncherArchiveJarIT {

  private static final Path JAR = Path.of(System.getProperty("stowage.jar", "target/stowage.jar"));
  private static final Path ROOT = Path.of(System.getProperty("stowage.root", ".."));
  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  @TempDir Path dir;

  private Path root;
  private Path target;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void layout() throws Exception {
    assumeTrue(Files.exists(JAR), "no packaged jar at " + JAR + "; run mvn package");
    root = dir.resolve("project");
    target = root.resolve("storage-cli/target");
    Files.createDirectories(target);
    Files.copy(ROOT.resolve("stowage"), root.resolve("stowage"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.setLastModifiedTime(
        root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
    Files.copy(JAR, target.resolve("stowage.jar"));
  }

  private Run launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", root.resolve("stowage").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("JAVA_HOME", JAVA_HOME.toString());
    pb.environment().remove("STOWAGE_JAR");
    pb.environment().remove("STOWAGE_JAVA_OPTS");
    pb.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void launcher_withoutAnArchive_recordsOne_andLaterCommandsLoadClassesFromIt() throws Exception {
    Run first = launch(Map.of(), "--version");
    Run second =
        launch(
            Map.of("STOWAGE_JAVA_OPTS", "-Xlog:class+load=info:file=" + dir.resolve("classes.txt")),
            "--version");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("stowage 0.");
    assertThat(first.err()).contains("recording the classes");
    assertThat(target.resolve("stowage-run.jsa")).exists();
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).isEmpty();
    // Our own classes come from the archive's top (dynamic) layer, not from the jar.
    assertThat(Files.readString(dir.resolve("classes.txt")))
        .containsPattern("dev\\.stowage\\.cli\\.Stowage source: shared objects file \\(top\\)");
  }

  @Test
  void launcher_withAStaleOrDamagedArchive_runsWithoutIt_silently() throws Exception {
    // An archive the launcher takes for current (newer than the jar) that the JVM refuses.
    Files.copy(JAR, target.resolve("stowage-run.jar"));
    Path archive = target.resolve("stowage-run.jsa");
    Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

    Run r = launch(Map.of(), "cat", "-");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void launcher_whenTheJarChanged_recordsTheArchiveAgain() throws Exception {
    Files.copy(JAR, target.resolve("stowage-run.jar"));
    Path archive = target.resolve("stowage-run.jsa");
    Files.write(archive, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

    Run r = launch(Map.of(), "--version");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("stowage 0.");
    assertThat(r.err()).contains("recording the classes");
    assertThat(Files.size(archive)).isGreaterThan(1_000_000L);
  }

  @Test
  void launcher_whenTheArchiveCannotBeRecorded_runsTheCommand_andDoesNotRetryUntilTheNextBuild()
      throws Exception {
    // A JVM that fails whenever asked to record an archive, and is the real one otherwise.
    Path home = dir.resolve("jdk");
    Files.createDirectories(home.resolve("bin"));
    Path java = home.resolve("bin/java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "case \"$*\" in *ArchiveClassesAtExit*) echo 'no archive for you' >&2; exit 3;; esac\n"
            + "exec '"
            + JAVA_HOME.resolve("bin/java")
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run first = launch(Map.of("JAVA_HOME", home.toString()), "--version");
    Run second = launch(Map.of("JAVA_HOME", home.toString()), "--version");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("stowage 0.");
    assertThat(first.err()).contains("could not record").doesNotContain("no archive for you");
    assertThat(target.resolve("stowage-run.jsa")).doesNotExist();
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).startsWith("stowage 0.");
    assertThat(second.err()).isEmpty();
  }

  @Test
  void launcher_withStowageJar_orCdsOff_usesNoArchive() throws Exception {
    Run jar = launch(Map.of("STOWAGE_JAR", JAR.toAbsolutePath().toString()), "--version");
    Run off = launch(Map.of("STOWAGE_CDS", "off"), "--version");

    assertThat(jar.exit()).as(jar.err()).isZero();
    assertThat(jar.err()).isEmpty();
    assertThat(off.exit()).as(off.err()).isZero();
    assertThat(off.err()).isEmpty();
    assertThat(target.resolve("stowage-run.jsa")).doesNotExist();
  }

  @Test
  void launcher_shortCommands_runOnTheQuickJit_andBigCopiesOnTheOptimisingOne() throws Exception {
    Files.write(dir.resolve("small.bin"), new byte[1]);
    Files.write(dir.resolve("big.bin"), new byte[17 << 20]);
    Map<String, String> flags =
        Map.of("STOWAGE_CDS", "off", "STOWAGE_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    String quick = "TieredStopAtLevel\\s+= 1\\s";
    String full = "TieredStopAtLevel\\s+= 4\\s";

    Run version = launch(flags, "--version");
    Run small = launch(flags, "cp", "--part-size", "8M", "small.bin", "small-copy.bin");
    Run big = launch(flags, "cp", "big.bin", "big-copy.bin");
    Run remote = launch(flags, "cp", "memory://b/x", "small.bin");
    Run stdin = launch(flags, "cp", "-q", "-", "small.bin");

    assertThat(version.out()).containsPattern(quick).contains("stowage 0.");
    assertThat(small.exit()).as(small.err()).isZero();
    assertThat(small.out()).containsPattern(quick);
    assertThat(Files.size(dir.resolve("small-copy.bin"))).isEqualTo(1);
    assertThat(big.exit()).as(big.err()).isZero();
    assertThat(big.out()).containsPattern(full);
    assertThat(remote.out()).containsPattern(full);
    assertThat(stdin.out()).as("standard input may be of any size").containsPattern(full);
  }
}
