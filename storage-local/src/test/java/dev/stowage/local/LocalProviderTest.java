package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.Visibility;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tests of {@link LocalProvider}: the {@code file:} URI grammar and its settings. */
class LocalProviderTest {

  @TempDir Path dir;

  private final LocalProvider provider = new LocalProvider();

  @Test
  void serviceLoader_findsTheFileProvider() {
    assertThat(
            ServiceLoader.load(FilesystemProvider.class).stream()
                .map(p -> p.get().scheme())
                .collect(Collectors.toList()))
        .contains("file");
    assertThat(provider.scheme()).isEqualTo("file");
  }

  @Test
  void open_plainUri_usesDefaults() {
    Path root = dir.resolve("data");
    FilesystemAdapter adapter = provider.open(root.toUri(), Map.of());
    assertThat(adapter).isInstanceOf(LocalAdapter.class);
    assertThat(((LocalAdapter) adapter).config()).isEqualTo(LocalConfig.of(root));
    assertThat(root).isDirectory();
  }

  @Test
  void filesystems_open_writesBelowTheRoot() {
    Path root = dir.resolve("via-filesystems");
    try (Filesystem fs = Filesystems.open("file://" + root.toUri().getRawPath() + "?fsync=false")) {
      fs.write("a/b.txt", "hello");
    }
    assertThat(root.resolve("a/b.txt")).hasContent("hello");
  }

  @Test
  void configOf_everyKey_isApplied() {
    Path root = dir.resolve("all keys");
    URI uri =
        URI.create(
            root.toUri()
                + "?symlinks=refuse&createRoot=false"
                + "&publicUrlBase=https%3A%2F%2Fcdn.example.com%2Fa%2520b%2F&filePublic=0664&filePrivate=640"
                + "&dirPublic=0775&dirPrivate=0750&directoryVisibility=private&xattrs=false&fsync=FALSE");
    LocalConfig c = LocalProvider.configOf(uri, Map.of());
    assertThat(c)
        .isEqualTo(
            LocalConfig.builder(root)
                .symlinkPolicy(SymlinkPolicy.REFUSE)
                .createRoot(false)
                .publicUrlBase(URI.create("https://cdn.example.com/a%20b/"))
                .filePermissions(Visibility.PUBLIC, 0664)
                .filePermissions(Visibility.PRIVATE, 0640)
                .directoryPermissions(Visibility.PUBLIC, 0775)
                .directoryPermissions(Visibility.PRIVATE, 0750)
                .directoryVisibility(Visibility.PRIVATE)
                .extendedAttributes(false)
                .fsync(false)
                .build());
  }

  @Test
  void configOf_settingsOverrideTheQuery() {
    URI uri = URI.create(dir.toUri() + "?symlinks=refuse");
    assertThat(LocalProvider.configOf(uri, Map.of("symlinks", "skip")).symlinkPolicy())
        .isEqualTo(SymlinkPolicy.SKIP);
  }

  @Test
  void configOf_localhostAuthorityAndEncodedPath_areAccepted() {
    LocalConfig c = LocalProvider.configOf(URI.create("file://localhost/srv/my%20data"), Map.of());
    assertThat(c.root()).isEqualTo(Path.of("/srv/my data"));
    assertThat(LocalProvider.configOf(URI.create("file:/srv/data"), Map.of()).root())
        .isEqualTo(Path.of("/srv/data"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "file:///srv?colour=blue                 | unknown setting 'colour'",
        "file:///srv?symlinks=follow             | symlinks must be one of [skip, refuse]",
        "file:///srv?createRoot=yes              | createRoot must be true or false",
        "file:///srv?fsync=                      | fsync must be true or false",
        "file:///srv?filePublic=644x             | filePublic must be an octal mode",
        "file:///srv?dirPrivate=0800             | dirPrivate must be an octal mode",
        "file:///srv?filePublic=0444             | file permissions must give the owner",
        "file:///srv?filePrivate=0644            | must differ",
        "file:///srv?publicUrlBase=relative      | publicUrlBase",
        "file:///srv?directoryVisibility=hidden  | directoryVisibility must be one of",
        "file:///srv?fsync=true&fsync=false      | given twice",
        "file://server.example.com/srv           | remove the host",
        "file:relative/path                      | needs an absolute path",
        "file:///srv#fragment                    | no fragment",
        "memory:/srv                             | not a file: URI"
      })
  void configOf_badInput_throwsIllegalArgumentNamingTheProblem(String uri, String message) {
    assertThatThrownBy(() -> LocalProvider.configOf(URI.create(uri), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"createRoot", "xattrs", "fsync"})
  void configOf_badBooleanInSettings_namesTheKey(String key) {
    assertThatThrownBy(() -> LocalProvider.configOf(dir.toUri(), Map.of(key, "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(key + " must be");
  }

  @Test
  void open_missingRootWithCreateRootFalse_failsAndCreatesNothing() {
    Path root = dir.resolve("absent");
    assertThatThrownBy(() -> provider.open(root.toUri(), Map.of("createRoot", "false")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(root).doesNotExist();
  }
}
