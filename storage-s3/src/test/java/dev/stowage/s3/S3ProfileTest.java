package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.VisibilityMode;
import java.net.URI;
import org.junit.jupiter.api.Test;

class S3ProfileTest {

  @Test
  void regionFor_b2Endpoint_takesRegionFromHost() {
    assertThat(S3Profile.B2.regionFor(URI.create("https://s3.us-west-004.backblazeb2.com")))
        .isEqualTo("us-west-004");
    assertThat(S3Profile.B2.regionFor(URI.create("https://s3.eu-central-003.backblazeb2.com/")))
        .isEqualTo("eu-central-003");
  }

  @Test
  void regionFor_b2OtherHost_failsNamingRegion() {
    assertThatThrownBy(() -> S3Profile.B2.regionFor(URI.create("http://127.0.0.1:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region");
    assertThatThrownBy(() -> S3Profile.B2.regionFor(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void regionFor_fixedRegionProfiles_returnTheirRegion() {
    assertThat(S3Profile.R2.regionFor(URI.create("https://acct.r2.cloudflarestorage.com")))
        .isEqualTo("auto");
    assertThat(S3Profile.MINIO.regionFor(URI.create("http://127.0.0.1:9000")))
        .isEqualTo("us-east-1");
    assertThat(S3Profile.AWS.regionFor(null)).isEqualTo("us-east-1");
  }

  @Test
  void checkAccessKeyId_b2MasterKeyId_refusedWithClearMessage() {
    assertThatThrownBy(() -> S3Profile.B2.checkAccessKeyId("0123456789ab"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("master application key")
        .hasMessageContaining("application key");
  }

  @Test
  void checkAccessKeyId_b2ApplicationKeyId_accepted() {
    S3Profile.B2.checkAccessKeyId("0040123456789ab0000000001");
    S3Profile.AWS.checkAccessKeyId("0123456789ab"); // other providers have no such rule
  }

  @Test
  void of_anyCase_findsProfile() {
    assertThat(S3Profile.of("b2")).isEqualTo(S3Profile.B2);
    assertThat(S3Profile.of(" MinIO ")).isEqualTo(S3Profile.MINIO);
    assertThatThrownBy(() -> S3Profile.of("gcs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gcs");
  }

  @Test
  void profiles_declareTheirRules() {
    assertThat(S3Profile.AWS.visibilityMode()).isEqualTo(VisibilityMode.PER_OBJECT);
    assertThat(S3Profile.B2.visibilityMode()).isEqualTo(VisibilityMode.BUCKET_LEVEL);
    assertThat(S3Profile.MINIO.visibilityMode()).isEqualTo(VisibilityMode.NONE);
    assertThat(S3Profile.R2.visibilityMode()).isEqualTo(VisibilityMode.NONE);
    assertThat(S3Profile.B2.replacesChecksumHeaders()).isTrue();
    assertThat(S3Profile.AWS.replacesChecksumHeaders()).isFalse();
    assertThat(S3Profile.B2.supportsCreateOnly()).isFalse();
    assertThat(S3Profile.AWS.supportsCreateOnly()).isTrue();
    assertThat(S3Profile.AWS.pathStyle()).isFalse();
    assertThat(S3Profile.B2.pathStyle()).isTrue();
  }
}
