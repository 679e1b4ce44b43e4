package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.VisibilityMode;
import java.net.URI;
import org.junit.jupiter.api.Test;

class S3ConfigTest {

  @Test
  void build_b2WithEndpoint_derivesRegionAndPathStyle() {
    S3Config c =
        S3Config.builder("bucket")
            .profile(S3Profile.B2)
            .endpoint(URI.create("https://s3.us-west-004.backblazeb2.com"))
            .build();

    assertThat(c.region()).isEqualTo("us-west-004");
    assertThat(c.pathStyle()).isTrue();
    assertThat(c.visibilityMode()).isEqualTo(VisibilityMode.BUCKET_LEVEL);
    assertThat(c.createOnly()).isFalse();
  }

  @Test
  void build_b2WithRegionOnly_derivesEndpoint() {
    S3Config c = S3Config.builder("bucket").profile(S3Profile.B2).region("eu-central-003").build();

    assertThat(c.endpoint()).contains(URI.create("https://s3.eu-central-003.backblazeb2.com"));
  }

  @Test
  void build_noEndpoint_isAws() {
    S3Config c = S3Config.builder("bucket").build();

    assertThat(c.profile()).isEqualTo(S3Profile.AWS);
    assertThat(c.pathStyle()).isFalse();
    assertThat(c.visibilityMode()).isEqualTo(VisibilityMode.PER_OBJECT);
  }

  @Test
  void build_minioWithoutEndpoint_failsNamingProfile() {
    assertThatThrownBy(() -> S3Config.builder("bucket").profile(S3Profile.MINIO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MINIO");
  }

  @Test
  void build_b2MasterKey_refused() {
    S3Config.Builder b =
        S3Config.builder("bucket")
            .profile(S3Profile.B2)
            .region("us-west-004")
            .credentials("0123456789ab", "K00secret");

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("master application key")
        .hasMessageNotContaining("K00secret");
  }

  @Test
  void toString_explicitCredentials_hidesSecretAndKeyId() {
    S3Config c =
        S3Config.builder("bucket").credentials("AKIDEXAMPLE", "wJalrXUtnFEMI-super-secret").build();

    assertThat(c.toString())
        .doesNotContain("wJalrXUtnFEMI")
        .doesNotContain("AKIDEXAMPLE")
        .contains("explicit");
  }

  @Test
  void prefix_slashesTrimmed_traversalRefused() {
    assertThat(S3Config.builder("b").prefix("/a/b/").build().prefix()).isEqualTo("a/b");
    assertThatThrownBy(() -> S3Config.builder("b").prefix("a/../b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> S3Config.builder("b").prefix("a//b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setters_outOfRange_failNamingOptionAndValue() {
    assertThatThrownBy(() -> S3Config.builder("b").partSize(1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partSize")
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> S3Config.builder("b").concurrency(0))
        .hasMessageContaining("concurrency");
    assertThatThrownBy(() -> S3Config.builder("b").endpoint(URI.create("ftp://x")))
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> S3Config.builder("bad/bucket")).hasMessageContaining("bucket");
  }

  @Test
  void setter_calledTwice_fails() {
    S3Config.Builder b = S3Config.builder("b").region("us-east-1");

    assertThatThrownBy(() -> b.region("eu-west-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("region");
  }

  @Test
  void credentials_combinedWithProvider_fails() {
    S3Config.Builder b = S3Config.builder("b").credentials("a", "s");

    assertThatThrownBy(() -> b.credentialsProvider(() -> null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toBuilder_roundTrip_keepsValuesAndAllowsOneChange() {
    S3Config c =
        S3Config.builder("b")
            .endpoint(URI.create("http://127.0.0.1:9"))
            .partSize(8L << 20)
            .concurrency(3)
            .build();

    S3Config d = c.toBuilder().concurrency(5).build();

    assertThat(d.partSize()).isEqualTo(8L << 20);
    assertThat(d.concurrency()).isEqualTo(5);
    assertThat(d.endpoint()).isEqualTo(c.endpoint());
    assertThat(d.multipartThreshold()).isEqualTo(c.multipartThreshold());
  }

  @Test
  void multipartThreshold_default_partSizeForCloudsOneGiBForSelfHostedServers() {
    URI local = URI.create("http://127.0.0.1:9000");
    assertThat(S3Config.builder("b").build().multipartThreshold()).isEqualTo(16L << 20);
    assertThat(
            S3Config.builder("b")
                .profile(S3Profile.R2)
                .endpoint(local)
                .build()
                .multipartThreshold())
        .isEqualTo(16L << 20);
    assertThat(S3Config.builder("b").endpoint(local).build().multipartThreshold())
        .isEqualTo(1L << 30);
    assertThat(
            S3Config.builder("b")
                .profile(S3Profile.MINIO)
                .endpoint(local)
                .partSize(2L << 30)
                .build()
                .multipartThreshold())
        .isEqualTo(2L << 30);
    assertThat(
            S3Config.builder("b")
                .endpoint(local)
                .multipartThreshold(5L << 20)
                .build()
                .multipartThreshold())
        .isEqualTo(5L << 20);
  }

  @Test
  void putTimeout_largePut_getsTheDeadlineOfEachPartItsBytesWouldHaveBeen() {
    S3Config c =
        S3Config.builder("b")
            .partSize(16L << 20)
            .timeouts(
                new dev.stowage.spi.Timeouts(
                    java.time.Duration.ofSeconds(5),
                    java.time.Duration.ofSeconds(30),
                    java.time.Duration.ofSeconds(60)))
            .build();

    assertThat(c.putTimeout(1)).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(c.putTimeout(16L << 20)).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(c.putTimeout((16L << 20) + 1)).isEqualTo(java.time.Duration.ofSeconds(120));
    assertThat(c.putTimeout(512L << 20)).isEqualTo(java.time.Duration.ofMinutes(32));
  }
}
