package dev.stowage.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2FileLockConfiguration;
import dev.stowage.b2.client.B2Restricted;
import dev.stowage.b2.client.B2ServerSideEncryption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Translation between the setup's values and B2Client's bucket records. */
class B2BucketsTest {

  private static B2Bucket bucket(
      B2Restricted<B2ServerSideEncryption> sse, B2Restricted<B2FileLockConfiguration> lock) {
    return new B2Bucket(
        "acc",
        "id1",
        "name-1",
        "allPrivate",
        null,
        List.of(
            Map.of(
                "corsRuleName",
                "downloads",
                "allowedOrigins",
                List.of("https"),
                "allowedOperations",
                List.of("b2_download_file_by_name"),
                "maxAgeSeconds",
                60)),
        List.of(Map.of("fileNamePrefix", "", "daysFromHidingToDeleting", 1)),
        List.of("s3"),
        7,
        sse,
        lock);
  }

  @Test
  void state_readableSettings_mapsEncryptionLockRulesAndRevision() {
    BucketState s =
        B2Buckets.state(
            bucket(
                new B2Restricted<>(true, B2ServerSideEncryption.sseB2()),
                new B2Restricted<>(true, new B2FileLockConfiguration(true, null))));

    assertThat(s.encryption()).isEqualTo(Encryption.SSE_B2);
    assertThat(s.fileLockEnabled()).isTrue();
    assertThat(s.revision()).isEqualTo(7);
    assertThat(s.corsRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.corsRuleName()).isEqualTo("downloads");
              assertThat(r.maxAgeSeconds()).isEqualTo(60);
            });
    assertThat(s.lifecycleRules()).containsExactly(new LifecycleRule("", null, 1, null));
  }

  @Test
  void state_settingsHiddenFromKey_encryptionUnknownAndLockOff() {
    BucketState s =
        B2Buckets.state(bucket(new B2Restricted<>(false, null), new B2Restricted<>(false, null)));

    assertThat(s.encryption()).isNull();
    assertThat(s.fileLockEnabled()).isFalse();
  }

  @Test
  void state_answerWithoutSettingsOrWithNullMode_meansNone() {
    assertThat(B2Buckets.state(bucket(null, null)).encryption()).isEqualTo(Encryption.NONE);
    assertThat(
            B2Buckets.state(
                    bucket(new B2Restricted<>(true, new B2ServerSideEncryption(null, null)), null))
                .encryption())
        .isEqualTo(Encryption.NONE);
  }

  @Test
  void sse_eachChoice_mapsToB2Shape() {
    assertThat(B2Buckets.sse(Encryption.SSE_B2))
        .isEqualTo(new B2ServerSideEncryption("SSE-B2", "AES256"));
    assertThat(B2Buckets.sse(Encryption.NONE)).isEqualTo(new B2ServerSideEncryption("none", null));
    assertThat(B2Buckets.sse(null)).isNull();
  }

  @Test
  void objects_rules_keepNullFieldsAndNullMeansNotSent() {
    assertThat(B2Buckets.objects(null)).isNull();
    assertThat(B2Buckets.objects(List.of(new LifecycleRule("logs/", 30, null, null))))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .containsEntry("fileNamePrefix", "logs/")
                    .containsEntry("daysFromUploadingToHiding", 30)
                    .containsEntry("daysFromHidingToDeleting", null)
                    .containsKey("daysFromStartingToCancelingUnfinishedLargeFiles"));
  }
}
