package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kit's case list in this module's README is the one the contracts' javadoc gives: every case
 * is listed under its group, in source order, by the identifiers its javadoc starts with
 * ({@code W5: an overwrite replaces the content}) or else by its method name. Run with {@code -Dstowage.writeCaseList=true} to
 * rewrite the README's list after changing cases.
 */
class CaseListTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/stowage/tck");
  private static final Path README = Path.of("README.md");
  private static final String BEGIN =
      "<!-- case-list:begin — generated from the contracts' javadoc by CaseListTest -->";
  private static final String END = "<!-- case-list:end -->";

  /** The contracts, in the order a reader meets them. */
  private static final List<String> CONTRACTS =
      List.of(
          "Path",
          "HostileInput",
          "Write",
          "Read",
          "Metadata",
          "List",
          "Directory",
          "Copy",
          "Move",
          "Delete",
          "Visibility",
          "Url",
          "Checksum",
          "Mime",
          "LargeObject",
          "Concurrency",
          "Error",
          "Decorator",
          "ReadOnly");

  private static final Pattern GROUP = Pattern.compile("@ContractGroup\\(\"([^\"]+)\"\\)");

  /**
   * A case: its javadoc, its annotations (one of them a JUnit test annotation; an annotation's
   * arguments may span lines, as the formatter wraps them) and its name.
   */
  private static final Pattern JAVADOC =
      Pattern.compile(
          "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)+)(?:default |public )?\\w+ (\\w+)\\(",
          Pattern.DOTALL);

  private static final Pattern CASE =
      Pattern.compile(
          "^([A-Z]\\d+[a-z]?(?:\\s*(?:,|–|-|and)\\s*[A-Z]?\\d+[a-z]?)*):\\s*(.+)$", Pattern.DOTALL);

  @Test
  void readmeCaseList_matchesTheContracts() throws IOException {
    String expected = render();
    String readme = Files.readString(README);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (Boolean.getBoolean("stowage.writeCaseList")) {
      assertThat(begin).as("the README has the case-list markers").isNotNegative();
      Files.writeString(
          README, readme.substring(0, begin) + expected + readme.substring(end + END.length()));
      return;
    }
    assertThat(begin).as("the README has the case-list markers").isNotNegative();
    assertThat(readme.substring(begin, end + END.length()))
        .as(
            "storage-tck/README.md's case list is stale: rerun this test with -Dstowage.writeCaseList=true")
        .isEqualTo(expected);
    assertThat(expected.lines().filter(l -> l.startsWith("- **")).count())
        .as("cases found")
        .isGreaterThan(100);
  }

  private static String render() throws IOException {
    StringBuilder out = new StringBuilder(BEGIN).append('\n');
    for (String contract : CONTRACTS) {
      String source = Files.readString(SOURCES.resolve(contract + "Contract.java"));
      Matcher group = GROUP.matcher(source);
      out.append("\n**")
          .append(group.find() ? group.group(1) : contract)
          .append("** (`")
          .append(contract)
          .append("Contract`)\n\n");
      Matcher doc = JAVADOC.matcher(source);
      while (doc.find()) {
        if (!doc.group(2)
            .matches("(?s).*@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b.*")) {
          continue;
        }
        String text =
            doc.group(1)
                .lines()
                .map(l -> l.replaceFirst("^\\s*\\*\\s?", "").strip())
                .collect(Collectors.joining(" "))
                .strip();
        Matcher c = CASE.matcher(text);
        String id = c.matches() ? c.group(1) : "`" + doc.group(3) + "`";
        out.append("- **")
            .append(id)
            .append("** ")
            .append(firstSentence(c.matches() ? c.group(2) : text))
            .append('\n');
      }
    }
    return out.append('\n').append(END).toString();
  }

  private static String firstSentence(String text) {
    String plain =
        text.replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "`$1`")
            .replaceAll("<[^>]+>", "")
            .replaceAll("\\s+", " ")
            .strip();
    int stop = plain.indexOf(". ");
    return stop < 0 ? plain : plain.substring(0, stop + 1);
  }
}
