package dev.stowage.b2.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external client (rclone, python) with a deadline and captures its output. */
final class Processes {
  /** Exit code and captured output. */
  record Result(int exit, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout: " + out() + "\nstderr: " + stderr;
    }
  }

  private Processes() {}

  /** Returns the first executable among the candidates (absolute paths or names looked up on PATH), or null. */
  static Path find(String... candidates) {
    for (String c : candidates) {
      Path p = Path.of(c);
      if (p.isAbsolute()) {
        if (Files.isExecutable(p)) {
          return p;
        }
        continue;
      }
      String path = System.getenv("PATH");
      for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, c);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  static Result run(
      List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "stdout", ".bin");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(err));
    }
    Result r = new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return r;
  }
}
