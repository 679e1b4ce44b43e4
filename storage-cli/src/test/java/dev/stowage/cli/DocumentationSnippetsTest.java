package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java sample in the READMEs ({@code ```java} fences) and in the main javadoc
 * ({@code <pre>{@code …}</pre>}) compiles against the real modules.
 *
 * <p>A sample is a method body, or — when it declares a class, a field or an annotated member —
 * class members. Names a sample uses without declaring them (the reader's {@code adapter}, their
 * own {@code MyAdapter}) are declared in an HTML comment just before it, invisible when rendered:
 * {@code <!-- given: FilesystemAdapter adapter; byte[] csvBytes -->}, which may start with
 * imports. A javadoc sample sees its own file's imports, a README sample its module's packages;
 * the core packages and the usual JDK ones are always imported.
 */
public class DocumentationSnippetsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern FENCE =
      Pattern.compile(
          "(?:<!--\\s*given:(?<given>.*?)-->\\s*\\n)?```java\\n(?<code>.*?)\\n```", Pattern.DOTALL);
  private static final Pattern JAVADOC_SAMPLE =
      Pattern.compile(
          "(?:<!--\\s*given:(?<given>.*?)-->\\s*\\n\\s*\\*\\s*)?<pre>\\{@code\\n?(?<code>.*?)\\}</pre>",
          Pattern.DOTALL);
  private static final Pattern MEMBER_START =
      Pattern.compile(
          "^(class |final class |static |public |private |protected |@|record |interface "
              + "|[\\w<>\\[\\], ?]+ \\w+\\([^;]*\\)\\s*(throws [\\w., ]+)?\\s*\\{$)");

  /** One sample: where it is, the imports it may use, what it assumes, and its text. */
  record Sample(String where, String imports, String given, String code) {}

  @Test
  void everySample_inReadmesAndJavadoc_compiles(@TempDir Path out) throws IOException {
    List<Sample> samples = new ArrayList<>(readmeSamples());
    int fromReadmes = samples.size();
    samples.addAll(javadocSamples());
    assertThat(fromReadmes).as("README samples found").isGreaterThan(10);
    assertThat(samples.size() - fromReadmes).as("javadoc samples found").isGreaterThan(20);

    List<JavaFileObject> units = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      units.add(unit(i, samples.get(i)));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-proc:none",
              "-d",
              out.toString(),
              "-classpath",
              System.getProperty("java.class.path"));
      javac.getTask(new StringWriter(), files, diagnostics, options, null, units).call();
    }
    List<String> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> describe(d, samples))
            .distinct()
            .collect(Collectors.toList());
    assertThat(errors).as("samples that do not compile").isEmpty();
  }

  @Test
  void sources_citeNoDocumentOutsideTheRepository() throws IOException {
    // The design notes behind this project are not part of it: code and tests say what they
    // need themselves (the kit's case list is in storage-tck's README).
    Pattern outside =
        Pattern.compile(
            "peers §|§8\\.|DESIGN\\.md|b2-protocol\\.md|s3-notes\\.md|peers\\.md|STYLE\\.md");
    List<String> citing;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      citing =
          walk.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/"))
              .filter(p -> !p.toString().contains("/target/"))
              .filter(
                  p -> {
                    try {
                      return outside.matcher(Files.readString(p)).find();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(p -> ROOT.relativize(p).toString())
              .filter(p -> !p.endsWith("DocumentationSnippetsTest.java"))
              .collect(Collectors.toList());
    }
    assertThat(citing).isEmpty();
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d, List<Sample> samples) {
    String name = d.getSource() == null ? "?" : d.getSource().getName();
    Matcher m = Pattern.compile("Sample(\\d+)").matcher(name);
    String where = m.find() ? samples.get(Integer.parseInt(m.group(1))).where() : name;
    return where + ": " + d.getMessage(Locale.ROOT);
  }

  private static List<Sample> readmeSamples() throws IOException {
    List<Path> readmes;
    try (Stream<Path> walk = Files.walk(ROOT, 3)) {
      readmes =
          walk.filter(p -> p.getFileName().toString().equals("README.md"))
              .filter(
                  p ->
                      !p.toString().contains("/target/")
                          && !p.toString().contains("/node_modules/"))
              .sorted()
              .collect(Collectors.toList());
    }
    List<Sample> samples = new ArrayList<>();
    for (Path readme : readmes) {
      String text = Files.readString(readme);
      Matcher m = FENCE.matcher(text);
      while (m.find()) {
        samples.add(
            new Sample(
                where(readme, text, m.start("code")),
                readmeImports(readme),
                m.group("given"),
                m.group("code")));
      }
    }
    return samples;
  }

  private static List<Sample> javadocSamples() throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      sources =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .sorted()
              .collect(Collectors.toList());
    }
    List<Sample> samples = new ArrayList<>();
    for (Path source : sources) {
      String text = Files.readString(source);
      Matcher m = JAVADOC_SAMPLE.matcher(text);
      while (m.find()) {
        String code =
            m.group("code")
                .lines()
                .map(line -> line.replaceFirst("^\\s*\\* ?", ""))
                .collect(Collectors.joining("\n"))
                .replace("{@literal @}", "@")
                .replace("&#64;", "@");
        String given =
            m.group("given") == null ? null : m.group("given").replaceAll("\\n\\s*\\*", " ");
        samples.add(
            new Sample(where(source, text, m.start("code")), ownImports(text), given, code));
      }
    }
    return samples;
  }

  private static String where(Path file, String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return ROOT.relativize(file) + ":" + line;
  }

  private static JavaFileObject unit(int index, Sample sample) {
    String name = "Sample" + index;
    String code = sample.code();
    String firstCodeLine =
        code.lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("//"))
            .findFirst()
            .orElse("");
    boolean members = MEMBER_START.matcher(firstCodeLine).find();
    String given = sample.given() == null ? "" : sample.given().strip();
    StringBuilder givenImports = new StringBuilder();
    Matcher leadingImport = Pattern.compile("^import\\s+[\\w.*]+;\\s*").matcher(given);
    while (leadingImport.find()) {
      givenImports.append(leadingImport.group().strip()).append('\n');
      given = given.substring(leadingImport.end());
      leadingImport = Pattern.compile("^import\\s+[\\w.*]+;\\s*").matcher(given);
    }
    StringBuilder src =
        new StringBuilder("package snippets;\n")
            .append(COMMON_IMPORTS)
            .append(sample.imports())
            .append(givenImports)
            .append("@SuppressWarnings(\"all\") abstract class ")
            .append(name)
            .append(" extends dev.stowage.cli.DocumentationSnippetsTest.Vocabulary {\n")
            .append(given.isEmpty() ? "" : given(given))
            .append(members ? code : "void sample() throws Exception {\n" + code + "\n}")
            .append("\n}\n");
    return new SimpleJavaFileObject(
        URI.create("string:///snippets/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return src;
      }
    };
  }

  /** Turns {@code "A a; B b"} into fields; member declarations ending in braces pass as they are. */
  private static String given(String given) {
    String g = given.strip();
    return g.endsWith("}") || g.endsWith(";") ? g + "\n" : g + ";\n";
  }

  /** A javadoc sample sees what its own file sees: its package and its imports. */
  private static String ownImports(String source) {
    StringBuilder imports = new StringBuilder();
    Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(source);
    if (pkg.find()) {
      imports.append("import ").append(pkg.group(1)).append(".*;\n");
    }
    Matcher m = Pattern.compile("(?m)^import (static )?[\\w.*]+;$").matcher(source);
    while (m.find()) {
      imports.append(m.group()).append('\n');
    }
    return imports.toString();
  }

  /** A README sample sees every package of its module (every module's, for the top README). */
  private static String readmeImports(Path readme) throws IOException {
    Path module = readme.getParent();
    List<Path> roots =
        module.equals(ROOT)
            ? List.of(
                ROOT.resolve("storage-local"),
                ROOT.resolve("storage-b2-native"),
                ROOT.resolve("storage-b2-emulator"),
                ROOT.resolve("storage-s3"))
            : List.of(module);
    StringBuilder imports = new StringBuilder();
    for (Path root : roots) {
      Path main = root.resolve("src/main/java");
      if (!Files.isDirectory(main)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(main)) {
        walk.filter(p -> p.toString().endsWith(".java"))
            .map(Path::getParent)
            .distinct()
            .map(dir -> main.relativize(dir).toString().replace('/', '.'))
            .sorted()
            .forEach(pkg -> imports.append("import ").append(pkg).append(".*;\n"));
      }
    }
    return imports.toString();
  }

  private static final String COMMON_IMPORTS =
      Stream.of(
                  "dev.stowage",
                  "dev.stowage.spi",
                  "dev.stowage.decorator",
                  "dev.stowage.memory",
                  "java.io",
                  "java.net",
                  "java.nio.charset",
                  "java.nio.file",
                  "java.time",
                  "java.util",
                  "java.util.concurrent",
                  "java.util.concurrent.atomic",
                  "org.junit.jupiter.api",
                  "org.junit.jupiter.api.extension")
              .map(p -> "import " + p + ".*;\n")
              .collect(Collectors.joining())
          + "import java.util.List;\nimport java.nio.file.Path;\nimport java.net.URI;\n";

  /**
   * The reader's own variables, which samples use without declaring them: every sample's class
   * extends this. A sample that declares one of these names simply shadows it.
   */
  @SuppressWarnings("unused")
  public abstract static class Vocabulary {
    protected dev.stowage.spi.FilesystemAdapter adapter;
    protected dev.stowage.spi.FilesystemAdapter writableAdapter;
    protected dev.stowage.Filesystem fs;
    protected dev.stowage.Filesystem directFs;
    protected dev.stowage.Filesystem proxiedFs;
    protected byte[] bytes;
    protected byte[] csvBytes;
    protected String keyId;
    protected String applicationKey;
    protected String key;
    protected String accessKey;
    protected String secretKey;
    protected Path scratchDir;
    protected boolean dryRun;
    protected MyConfig config;
    protected byte[] part;
    protected dev.stowage.spi.FilesystemAdapter bucketAdapter;
    protected URI uri;
    protected java.util.Map<String, String> settings;
    protected int serverPort;

    /** A reader's own adapter, as samples show it. */
    public static class MyAdapter extends dev.stowage.spi.ForwardingAdapter {
      public MyAdapter(MyConfig config) {
        super(dev.stowage.memory.MemoryAdapter.create());
      }
    }

    /** A reader's own adapter configuration, as samples show it. */
    public interface MyConfig {
      MyConfig withPublicUrlBase(URI base);
    }

    protected List<String> unfinishedUploads() {
      return List.of();
    }
  }
}
