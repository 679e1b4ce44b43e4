package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Visibility;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tests of {@link LocalConfig} and its builder. */
class LocalConfigTest {

  private static final Path ROOT = Path.of("stowage-config-test").toAbsolutePath();

  @Test
  void defaults_matchTheDocumentation() {
    LocalConfig c = LocalConfig.of(ROOT);
    assertThat(c.root()).isEqualTo(ROOT);
    assertThat(c.createRoot()).isTrue();
    assertThat(c.symlinkPolicy()).isEqualTo(SymlinkPolicy.SKIP);
    assertThat(c.filePermissions(Visibility.PUBLIC)).isEqualTo(0644);
    assertThat(c.filePermissions(Visibility.PRIVATE)).isEqualTo(0600);
    assertThat(c.directoryPermissions(Visibility.PUBLIC)).isEqualTo(0755);
    assertThat(c.directoryPermissions(Visibility.PRIVATE)).isEqualTo(0700);
    assertThat(c.directoryVisibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(c.publicUrlBase()).isEmpty();
    assertThat(c.extendedAttributes()).isTrue();
    assertThat(c.fsync()).isTrue();
  }

  @Test
  void builder_everyOption_isKept() {
    LocalConfig c =
        LocalConfig.builder(ROOT)
            .createRoot(false)
            .symlinkPolicy(SymlinkPolicy.REFUSE)
            .filePermissions(Visibility.PUBLIC, 0664)
            .filePermissions(Visibility.PRIVATE, 0640)
            .directoryPermissions(Visibility.PUBLIC, 0775)
            .directoryPermissions(Visibility.PRIVATE, 0750)
            .directoryVisibility(Visibility.PRIVATE)
            .publicUrlBase(URI.create("https://cdn.example.com/x/"))
            .extendedAttributes(false)
            .fsync(false)
            .build();
    assertThat(c.createRoot()).isFalse();
    assertThat(c.symlinkPolicy()).isEqualTo(SymlinkPolicy.REFUSE);
    assertThat(c.filePermissions(Visibility.PUBLIC)).isEqualTo(0664);
    assertThat(c.filePermissions(Visibility.PRIVATE)).isEqualTo(0640);
    assertThat(c.directoryPermissions(Visibility.PUBLIC)).isEqualTo(0775);
    assertThat(c.directoryPermissions(Visibility.PRIVATE)).isEqualTo(0750);
    assertThat(c.directoryVisibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(c.publicUrlBase()).contains(URI.create("https://cdn.example.com/x/"));
    assertThat(c.extendedAttributes()).isFalse();
    assertThat(c.fsync()).isFalse();
    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
  }

  @Test
  void builder_relativeRoot_isMadeAbsoluteAndNormalised() {
    LocalConfig c = LocalConfig.of(Path.of("a/./b/../c"));
    assertThat(c.root()).isAbsolute().isEqualTo(Path.of("a/c").toAbsolutePath());
  }

  @Test
  void builder_optionSetTwice_throwsIllegalState() {
    assertThatThrownBy(() -> LocalConfig.builder(ROOT).fsync(false).fsync(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("fsync was already set to false");
    assertThatThrownBy(
            () ->
                LocalConfig.builder(ROOT)
                    .symlinkPolicy(SymlinkPolicy.SKIP)
                    .symlinkPolicy(SymlinkPolicy.REFUSE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                LocalConfig.builder(ROOT)
                    .filePermissions(Visibility.PUBLIC, 0644)
                    .filePermissions(Visibility.PUBLIC, 0664))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("filePermissions(PUBLIC)");
    LocalConfig.builder(ROOT)
        .filePermissions(Visibility.PUBLIC, 0664)
        .filePermissions(Visibility.PRIVATE, 0600)
        .build();
  }

  @Test
  void toBuilder_allowsOneMoreSetting() {
    LocalConfig c = LocalConfig.builder(ROOT).fsync(false).build();
    LocalConfig changed = c.toBuilder().fsync(true).build();
    assertThat(changed.fsync()).isTrue();
    assertThat(changed).isNotEqualTo(c);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 01000, 04755, 0400, 0200, 0044})
  void filePermissions_badMode_throwsIllegalArgument(int mode) {
    assertThatThrownBy(() -> LocalConfig.builder(ROOT).filePermissions(Visibility.PUBLIC, mode))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file permissions");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 01777, 0600, 0500, 0055})
  void directoryPermissions_badMode_throwsIllegalArgument(int mode) {
    assertThatThrownBy(
            () -> LocalConfig.builder(ROOT).directoryPermissions(Visibility.PRIVATE, mode))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directory permissions");
  }

  @Test
  void build_samePublicAndPrivateMode_throwsIllegalArgument() {
    assertThatThrownBy(
            () -> LocalConfig.builder(ROOT).filePermissions(Visibility.PRIVATE, 0644).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must differ");
    assertThatThrownBy(
            () -> LocalConfig.builder(ROOT).directoryPermissions(Visibility.PUBLIC, 0700).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must differ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "relative/path",
        "https://cdn.example.com/x?q=1",
        "https://cdn.example.com/x#f",
        "mailto:someone@example.com"
      })
  void publicUrlBase_unusable_throwsIllegalArgument(String base) {
    assertThatThrownBy(() -> LocalConfig.builder(ROOT).publicUrlBase(URI.create(base)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publicUrlBase");
  }

  @Test
  void publicUrlBase_withoutTrailingSlash_getsOne() {
    assertThat(
            LocalConfig.builder(ROOT)
                .publicUrlBase(URI.create("https://cdn.example.com/files"))
                .build()
                .publicUrlBase())
        .contains(URI.create("https://cdn.example.com/files/"));
  }

  @Test
  void nullArguments_throwNullPointer() {
    assertThatThrownBy(() -> LocalConfig.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LocalConfig.builder(ROOT).symlinkPolicy(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LocalConfig.builder(ROOT).filePermissions(null, 0644))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LocalConfig.builder(ROOT).publicUrlBase(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LocalConfig.builder(ROOT).directoryVisibility(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LocalConfig.of(ROOT).filePermissions(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void toString_showsModesInOctal() {
    assertThat(LocalConfig.of(ROOT).toString())
        .contains("files=0644/0600")
        .contains("directories=0755/0700")
        .contains("symlinkPolicy=SKIP");
  }
}
