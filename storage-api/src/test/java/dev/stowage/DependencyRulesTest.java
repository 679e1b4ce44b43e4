package dev.stowage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * storage-api depends only on the JDK, SLF4J, Tika core and the JSpecify nullness annotations (the
 * Caffeine cache is storage-caching), and every package is {@code @NullMarked}.
 */
class DependencyRulesTest {

  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> ALLOWED =
      List.of(
          "java.",
          "javax.",
          "org.slf4j.",
          "org.apache.tika.",
          "org.jspecify.annotations.",
          "dev.stowage.");

  @Test
  void mainSources_importOnlyAllowedPackages() throws IOException {
    Path main = Paths.get("src/main/java");
    assertThat(main).isDirectory();
    List<String> violations;
    try (Stream<Path> files = Files.walk(main)) {
      violations =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(
                  p -> {
                    try {
                      Matcher m = IMPORT.matcher(Files.readString(p));
                      Stream.Builder<String> bad = Stream.builder();
                      while (m.find()) {
                        String imported = m.group(1);
                        if (ALLOWED.stream().noneMatch(imported::startsWith)) {
                          bad.add(main.relativize(p) + ": " + imported);
                        }
                      }
                      return bad.build();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .collect(Collectors.toList());
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageInfo_isNullMarked() throws IOException {
    Path main = Paths.get("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> unmarked =
          files
              .filter(p -> p.getFileName().toString().equals("package-info.java"))
              .filter(
                  p -> {
                    try {
                      return !Files.readString(p).contains("@NullMarked");
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(p -> main.relativize(p).toString())
              .collect(Collectors.toList());
      assertThat(unmarked).isEmpty();
    }
  }

  @Test
  void everyPackage_hasPackageInfo() throws IOException {
    Path main = Paths.get("src/main/java");
    try (Stream<Path> dirs = Files.walk(main)) {
      List<Path> missing =
          dirs.filter(Files::isDirectory)
              .filter(
                  d -> {
                    try (Stream<Path> children = Files.list(d)) {
                      return children.anyMatch(c -> c.toString().endsWith(".java"));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .filter(d -> !Files.exists(d.resolve("package-info.java")))
              .collect(Collectors.toList());
      assertThat(missing).isEmpty();
    }
  }

  @Test
  void facadePackage_doesNotImportTheDecorators() throws IOException {
    // dev.stowage.decorator builds on the facade; the facade must not need it back (no cycle).
    Path facade = Paths.get("src/main/java/dev/stowage");
    try (Stream<Path> files = Files.list(facade)) {
      List<String> users =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p -> {
                    try {
                      return Files.readString(p).contains("dev.stowage.decorator.");
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toList());
      assertThat(users).isEmpty();
    }
  }

  @Test
  void adapters_nameNoOperationAndBuildNoStorageException() throws IOException {
    // Adapters report a BackendException; the facade attaches operation and path (Failures).
    List<Path> roots =
        List.of(
            Paths.get("src/main/java/dev/stowage/memory"),
            Paths.get("src/main/java/dev/stowage/spi"),
            Paths.get("src/main/java/dev/stowage/decorator"));
    Pattern naming =
        Pattern.compile(
            "\\bOperation\\.|StorageException\\.of\\(|FailedException\\.(at|notFound)\\(|\\.as\\(");
    List<String> violations = new java.util.ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p :
            files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
          // MountManager is a Filesystem over filesystems, not an adapter: it builds the caller's
          // failures.
          if (p.getFileName().toString().equals("MountManager.java")) {
            continue;
          }
          Matcher m = naming.matcher(Files.readString(p));
          while (m.find()) {
            violations.add(p.getFileName() + ": " + m.group());
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
