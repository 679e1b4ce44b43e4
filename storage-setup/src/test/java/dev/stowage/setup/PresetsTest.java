package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class PresetsTest {

  @Test
  void lifecycle_keepOnlyLastVersion_isTheConsolePreset() {
    assertThat(Presets.lifecycle("keep-only-last-version"))
        .isEqualTo(new LifecycleRule("", null, 1, null));
  }

  @Test
  void lifecycle_numberedPresetsWithPrefix_setTheirField() {
    assertThat(Presets.lifecycle("keep-prior-versions:30"))
        .isEqualTo(new LifecycleRule("", null, 30, null));
    assertThat(Presets.lifecycle("cancel-unfinished-large-files:7@tmp/"))
        .isEqualTo(new LifecycleRule("tmp/", null, null, 7));
    assertThat(Presets.lifecycle("hide-after:90@logs/"))
        .isEqualTo(new LifecycleRule("logs/", 90, null, null));
  }

  @Test
  void lifecycle_samePrefix_mergesIntoOneRule() {
    assertThat(
            Presets.lifecycle(
                List.of(
                    "keep-only-last-version",
                    "cancel-unfinished-large-files:7",
                    "keep-prior-versions:3@logs/")))
        .containsExactly(
            new LifecycleRule("", null, 1, 7), new LifecycleRule("logs/", null, 3, null));
  }

  @Test
  void lifecycle_badPresets_reportEveryOneWithItsIndex() {
    InvalidSpecException e =
        catchThrowableOfType(
            InvalidSpecException.class,
            () ->
                Presets.lifecycle(
                    List.of(
                        "keep-everything",
                        "keep-prior-versions",
                        "keep-prior-versions:0",
                        "keep-prior-versions:x",
                        "keep-only-last-version",
                        "keep-prior-versions:4")));

    assertThat(e.violations())
        .extracting(Violation::path)
        .containsExactly(
            "lifecyclePresets[0]",
            "lifecyclePresets[1]",
            "lifecyclePresets[2]",
            "lifecyclePresets[3]",
            "lifecyclePresets[5]");
    assertThat(e.violations().get(0).reason()).contains("unknown lifecycle preset");
    assertThat(e.violations().get(1).reason()).contains("needs a number of days");
    assertThat(e.violations().get(2).reason()).contains("at least 1");
    assertThat(e.violations().get(3).reason()).contains("not a whole number");
    assertThat(e.violations().get(4).reason()).contains("already sets");
  }

  @Test
  void cors_shareAllHttpsBoth_namesNativeAndS3Operations() {
    CorsRule rule = Presets.cors("share-all-https", CorsApis.BOTH);

    assertThat(rule.corsRuleName()).isEqualTo("stowage-share-all-https");
    assertThat(rule.allowedOrigins()).containsExactly("https");
    assertThat(rule.allowedOperations())
        .containsExactly(
            "b2_download_file_by_name",
            "b2_download_file_by_id",
            "b2_upload_file",
            "b2_upload_part",
            "s3_get",
            "s3_head",
            "s3_put");
    assertThat(rule.allowedHeaders())
        .contains(
            "authorization",
            "content-type",
            "x-bz-file-name",
            "x-bz-content-sha1",
            "x-bz-info-*",
            "x-amz-*")
        .doesNotHaveDuplicates();
    assertThat(rule.exposeHeaders()).contains("etag", "x-bz-content-sha1", "x-bz-file-id");
    assertThat(rule.maxAgeSeconds()).isEqualTo(3600);
  }

  @Test
  void cors_apis_selectOperations() {
    assertThat(Presets.cors("share-all-https", CorsApis.NATIVE).allowedOperations())
        .allMatch(o -> o.startsWith("b2_"));
    assertThat(Presets.cors("share-all-https", CorsApis.S3).allowedOperations())
        .containsExactly("s3_get", "s3_head", "s3_put");
    assertThat(Presets.cors("share-all-https", CorsApis.S3).allowedHeaders())
        .doesNotContain("x-bz-file-name");
  }

  @Test
  void cors_origins_splitsTheList() {
    CorsRule rule =
        Presets.cors("origins:https://a.example.com, https://*.b.example.com,", CorsApis.NATIVE);

    assertThat(rule.corsRuleName()).isEqualTo("stowage-origins");
    assertThat(rule.allowedOrigins())
        .containsExactly("https://a.example.com", "https://*.b.example.com");
  }

  @Test
  void cors_unknownOrEmpty_throws() {
    assertThatThrownBy(() -> Presets.cors("share-everything", CorsApis.BOTH))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("unknown CORS preset");
    assertThatThrownBy(() -> Presets.cors("origins:", CorsApis.BOTH))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("lists no origins");
  }

  @Test
  void corsApis_parse_acceptsTheThreeWords() {
    assertThat(CorsApis.parse("Both")).isEqualTo(CorsApis.BOTH);
    assertThat(CorsApis.parse("native")).isEqualTo(CorsApis.NATIVE);
    assertThatThrownBy(() -> CorsApis.parse("all")).isInstanceOf(IllegalArgumentException.class);
  }
}
