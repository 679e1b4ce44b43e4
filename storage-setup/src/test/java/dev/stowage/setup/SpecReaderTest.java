package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
  private static final String YAML =
      String.join(
          "\n",
          "name: my-app-storage-123",
          "type: private",
          "encryption: sse-b2",
          "lifecyclePresets: [keep-only-last-version]",
          "lifecycleRules:",
          "  - fileNamePrefix: logs/",
          "    daysFromUploadingToHiding: 30",
          "corsPresets: [share-all-https]",
          "corsApis: native",
          "corsRules:",
          "  - corsRuleName: downloads-only",
          "    allowedOrigins: [\"https://www.example.com\"]",
          "    allowedOperations: [b2_download_file_by_name]",
          "    maxAgeSeconds: 60",
          "keys:",
          "  - keyName: my-app",
          "    capabilities: [listFiles, readFiles]",
          "    namePrefix: uploads/",
          "");

  @Test
  void fromYaml_fullSpec_readsEveryField() {
    BucketSpec spec = BucketSpec.fromYaml(YAML);

    assertThat(spec.name()).isEqualTo("my-app-storage-123");
    assertThat(spec.type()).isEqualTo(BucketType.PRIVATE);
    assertThat(spec.encryption()).isEqualTo(Encryption.SSE_B2);
    assertThat(spec.lifecycleRules())
        .containsExactly(
            new LifecycleRule("logs/", 30, null, null), new LifecycleRule("", null, 1, null));
    assertThat(spec.corsRules())
        .extracting(CorsRule::corsRuleName)
        .containsExactly("downloads-only", "stowage-share-all-https");
    assertThat(spec.corsRules().get(1).allowedOperations()).allMatch(o -> o.startsWith("b2_"));
    assertThat(spec.keys())
        .containsExactly(
            new KeySpec("my-app", List.of("listFiles", "readFiles"), "uploads/", null, false));
  }

  @Test
  void toJson_thenFromJson_roundTrips() {
    BucketSpec spec = BucketSpec.fromYaml(YAML);

    assertThat(BucketSpec.fromJson(spec.toJson())).isEqualTo(spec);
  }

  @Test
  void read_jsonAndYamlFiles_byExtension(@TempDir Path dir) throws Exception {
    Path json = Files.writeString(dir.resolve("bucket.json"), BucketSpec.fromYaml(YAML).toJson());
    Path yaml = Files.writeString(dir.resolve("bucket.yaml"), YAML);

    assertThat(BucketSpec.read(json)).isEqualTo(BucketSpec.read(yaml));
  }

  @Test
  void fromJson_unknownField_namesItsPath() {
    InvalidSpecException e =
        catchThrowableOfType(
            InvalidSpecException.class,
            () ->
                BucketSpec.fromJson(
                    "{\"name\":\"abcdef\",\"corsRules\":[{\"corsRuleName\":\"abcdef\",\"maxAge\":5}]}"));

    assertThat(e.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("corsRules[0].maxAge");
              assertThat(v.reason()).contains("unknown field");
            });
  }

  @Test
  void fromJson_wrongType_namesItsPath() {
    InvalidSpecException e =
        catchThrowableOfType(
            InvalidSpecException.class,
            () ->
                BucketSpec.fromJson(
                    "{\"name\":\"abcdef\",\"lifecycleRules\":[{\"fileNamePrefix\":\"\",\"daysFromHidingToDeleting\":\"x\"}]}"));

    assertThat(e.violations())
        .singleElement()
        .satisfies(
            v -> assertThat(v.path()).isEqualTo("lifecycleRules[0].daysFromHidingToDeleting"));
  }

  @Test
  void fromYaml_badEnumsAndPresets_areAllReported() {
    InvalidSpecException e =
        catchThrowableOfType(
            InvalidSpecException.class,
            () ->
                BucketSpec.fromYaml(
                    "name: abcdef\ntype: secret\nencryption: rot13\ncorsApis: web\nlifecyclePresets: [nope]\n"
                        + "corsPresets: [everything]\n"));

    assertThat(e.violations())
        .extracting(Violation::path)
        .containsExactly("type", "encryption", "corsApis", "lifecyclePresets[0]", "corsPresets[0]");
  }

  @Test
  void fromYaml_malformedOrEmpty_isRejected() {
    assertThat(
            catchThrowableOfType(
                    InvalidSpecException.class, () -> BucketSpec.fromYaml("name: \"unclosed\n"))
                .getMessage())
        .contains("not well-formed YAML");
    assertThat(
            catchThrowableOfType(InvalidSpecException.class, () -> BucketSpec.fromYaml(""))
                .getMessage())
        .contains("empty");
  }

  @Test
  void bucketType_parse_acceptsB2Names() {
    assertThat(BucketType.parse("allPublic")).isEqualTo(BucketType.PUBLIC);
    assertThat(Encryption.parse("SSE-B2")).isEqualTo(Encryption.SSE_B2);
  }
}
