package dev.stowage.b2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a test {@code main} class in a separate JVM with the test classpath and its own options. */
final class ChildJvm {

  /** What the child did: its exit code and everything it printed (stdout and stderr, merged). */
  record Result(int exitCode, String output) {}

  private ChildJvm() {}

  static Result run(
      Class<?> main,
      List<String> jvmOptions,
      Map<String, String> env,
      List<String> args,
      Path outputFile,
      long timeoutSeconds)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(main.getName());
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "the child JVM did not finish within "
              + timeoutSeconds
              + " s; output:\n"
              + Files.readString(outputFile, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
  }
}
