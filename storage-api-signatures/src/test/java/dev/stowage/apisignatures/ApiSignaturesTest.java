package dev.stowage.apisignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public API of every module storage-bom publishes is the one recorded in
 * {@code <module>/api/<module>.api}. A difference fails with a report that tells incompatible
 * changes (removed or changed types and members) from compatible ones (additions). After an
 * intended change, rerun with {@code -Dstowage.writeApi=true} to rewrite the files, and commit them:
 * the diff of a signature file is the API review.
 */
class ApiSignaturesTest {

  private static final Path ROOT = Path.of(System.getProperty("stowage.root", ".."));
  private static final String TARGET = System.getProperty("stowage.target", "target");
  private static final Pattern BOM_MODULE =
      Pattern.compile("<groupId>dev\\.stowage</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");

  @Test
  void publishedModules_matchTheRecordedSignatures() throws IOException {
    List<String> modules = publishedModules();
    assertThat(modules).as("modules storage-bom publishes").hasSizeGreaterThan(5);
    boolean write = Boolean.getBoolean("stowage.writeApi");
    List<String> failures = new ArrayList<>();
    ClassLoader loader = getClass().getClassLoader();
    for (String module : modules) {
      Path classes = ROOT.resolve(module).resolve(TARGET).resolve("classes");
      assertThat(classes).as("compiled classes of " + module).isDirectory();
      Map<String, List<String>> current = ApiDump.of(classes, loader);
      assertThat(current).as("public types of " + module).isNotEmpty();
      Path file = ROOT.resolve(module).resolve("api").resolve(module + ".api");
      String rendered = ApiDump.render(module, current);
      if (write) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, rendered);
        continue;
      }
      String shown = module + "/api/" + module + ".api";
      if (!Files.exists(file)) {
        failures.add(
            module
                + ": no signature file "
                + shown
                + "; run with -Dstowage.writeApi=true to record it\n");
        continue;
      }
      ApiDiff diff = ApiDiff.between(ApiDump.parse(Files.readString(file)), current);
      if (!diff.isEmpty()) {
        failures.add(diff.report(module, shown));
      } else if (!Files.readString(file).equals(rendered)) {
        failures.add(
            module
                + ": "
                + shown
                + " is not in its generated form (order or spacing);"
                + " rerun with -Dstowage.writeApi=true\n");
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n", failures));
    }
  }

  @Test
  void thisModulesDependencies_areExactlyTheBomsModules() throws IOException {
    String pom = Files.readString(ROOT.resolve("storage-api-signatures/pom.xml"));
    TreeSet<String> checked = new TreeSet<>();
    Matcher m = BOM_MODULE.matcher(pom.substring(pom.indexOf("<dependencies>")));
    while (m.find()) {
      checked.add(m.group(1));
    }
    assertThat(checked)
        .as(
            "storage-api-signatures must depend on every module storage-bom publishes, and only those")
        .isEqualTo(new TreeSet<>(publishedModules()));
  }

  private static List<String> publishedModules() throws IOException {
    String bom = Files.readString(ROOT.resolve("storage-bom/pom.xml"));
    List<String> modules = new ArrayList<>();
    Matcher m = BOM_MODULE.matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }
}
