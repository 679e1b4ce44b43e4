package dev.stowage.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a main class of this package in a child JVM as the unprivileged user 65534 (nobody),
 * for tests that need permission bits to apply while the build runs as root. The classes the
 * child needs are copied into a world-readable directory, because the build's own class path
 * (the local Maven repository under root's home) is not readable by that user.
 */
final class Unprivileged {

  /** The user and group the child runs as. */
  static final int NOBODY = 65534;

  private Unprivileged() {}

  /** The output of a finished child. */
  record Result(int exitCode, List<String> stdout, String stderr) {}

  /**
   * Returns the command prefix that switches to {@link #NOBODY}, or empty when neither
   * {@code setpriv} nor {@code runuser} can do it here, or that user cannot run this JVM's
   * {@code java} (with the reason in {@code why}).
   */
  static Optional<List<String>> switcher(StringBuilder why) {
    List<List<String>> candidates =
        List.of(
            List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"),
            List.of("runuser", "-u", "nobody", "--"));
    for (List<String> prefix : candidates) {
      List<String> probe = new ArrayList<>(prefix);
      probe.addAll(List.of("test", "-x", java()));
      try {
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String output =
            new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(prefix);
        }
        why.append(prefix.get(0))
            .append(" cannot run ")
            .append(java())
            .append(" as uid ")
            .append(NOBODY)
            .append(output.isEmpty() ? "" : ": " + output)
            .append("; ");
      } catch (IOException e) {
        why.append(prefix.get(0)).append(" not found; ");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code main} with {@code args} as {@link #NOBODY} through {@code switcher}, with a class
   * path made of copies (in {@code scratch}) of where {@code needed} classes were loaded from.
   */
  static Result run(
      List<String> switcher, Path scratch, Class<?> main, List<Class<?>> needed, String... args)
      throws IOException, InterruptedException {
    Path classes = Files.createDirectory(scratch.resolve("classpath"));
    Set<Path> sources = new LinkedHashSet<>();
    sources.add(location(main));
    needed.forEach(c -> sources.add(location(c)));
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (Path source : sources) {
      Path copy = classes.resolve("e" + i++ + (Files.isDirectory(source) ? "" : ".jar"));
      copyTree(source, copy);
      entries.add(copy.toString());
    }
    openTree(scratch);
    List<String> command = new ArrayList<>(switcher);
    command.add(java());
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-cp",
            String.join(java.io.File.pathSeparator, entries),
            main.getName()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(scratch.toFile())
            .redirectError(scratch.resolve("stderr.txt").toFile())
            .start();
    List<String> stdout;
    try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
      stdout = reader.lines().toList();
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("the unprivileged child did not finish within 60 s");
    }
    return new Result(p.exitValue(), stdout, Files.readString(scratch.resolve("stderr.txt")));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Lets every user traverse and read {@code dir}, and write its top level. */
  private static void openTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.forEach(
          p -> {
            try {
              Files.setPosixFilePermissions(
                  p,
                  PosixFilePermissions.fromString(
                      p.equals(dir)
                          ? "rwxrwxrwx"
                          : Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
