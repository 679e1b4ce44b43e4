package dev.stowage.apisignatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of main code in the repository is {@code @NullMarked}, so NullAway (which checks
 * only marked code) checks all of it: a new package without the marker fails here, not silently.
 */
class NullMarkedPackagesTest {

  private static final Path ROOT = Path.of(System.getProperty("stowage.root", ".."));
  private static final Pattern MARKED =
      Pattern.compile("@(org\\.jspecify\\.annotations\\.)?NullMarked\\b");

  @Test
  void everyMainPackage_isNullMarked() throws IOException {
    List<Path> packages;
    try (Stream<Path> files = Files.walk(ROOT)) {
      packages =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/"))
              .map(Path::getParent)
              .distinct()
              .sorted()
              .toList();
    }
    assertThat(packages)
        .as("main-code packages found below " + ROOT.toAbsolutePath())
        .hasSizeGreaterThan(20);

    List<String> unmarked =
        packages.stream()
            .filter(dir -> !marked(dir))
            .map(dir -> ROOT.relativize(dir).toString())
            .toList();

    assertThat(unmarked)
        .as(
            "packages whose package-info.java lacks @NullMarked (or whose classes are not all marked)")
        .isEmpty();
  }

  /**
   * A package is marked by its package-info, or, where it may not have one (a class placed in
   * another library's package), by every class in it.
   */
  private static boolean marked(Path dir) {
    try {
      Path info = dir.resolve("package-info.java");
      if (Files.exists(info)) {
        return MARKED.matcher(Files.readString(info)).find();
      }
      try (Stream<Path> classes = Files.list(dir)) {
        return classes
            .filter(p -> p.toString().endsWith(".java"))
            .allMatch(
                p -> {
                  try {
                    return MARKED.matcher(Files.readString(p)).find();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
