package dev.stowage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Visibility;
import dev.stowage.VisibilityMode;
import dev.stowage.spi.FilesystemProvider;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class S3ProviderTest {

  @Test
  void config_fullUri_parsesEveryKey() {
    S3Config c =
        S3Provider.config(
            URI.create(
                "s3://my-bucket/some/prefix?endpoint=https%3A%2F%2Fs3.us-west-004.backblazeb2.com"
                    + "&profile=b2&partSize=32MiB&multipartThreshold=64m&concurrency=8&copyPartThreshold=1g"
                    + "&copyPartSize=100MiB&maxConnections=20&bucketVisibility=public&publicUrl=https://cdn.example.com/files"),
            Map.of());

    assertThat(c.bucket()).isEqualTo("my-bucket");
    assertThat(c.prefix()).isEqualTo("some/prefix");
    assertThat(c.profile()).isEqualTo(S3Profile.B2);
    assertThat(c.region()).isEqualTo("us-west-004");
    assertThat(c.partSize()).isEqualTo(32L << 20);
    assertThat(c.multipartThreshold()).isEqualTo(64L << 20);
    assertThat(c.concurrency()).isEqualTo(8);
    assertThat(c.copyPartThreshold()).isEqualTo(1L << 30);
    assertThat(c.copyPartSize()).isEqualTo(100L << 20);
    assertThat(c.maxConnections()).isEqualTo(20);
    assertThat(c.bucketVisibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(c.publicUrlBase()).contains(URI.create("https://cdn.example.com/files"));
  }

  @Test
  void config_settingsOverrideQueryAndCarryCredentials() {
    S3Config c =
        S3Provider.config(
            URI.create("s3://b?endpoint=http://127.0.0.1:9000&region=eu-west-1&visibility=none"),
            Map.of(
                "region",
                "us-east-2",
                "accessKey",
                "AKID",
                "secretKey",
                "SECRET",
                "pathStyle",
                "false",
                "createOnly",
                "true",
                "visibility",
                "per-object"));

    assertThat(c.region()).isEqualTo("us-east-2");
    assertThat(c.accessKeyId()).contains("AKID");
    assertThat(c.pathStyle()).isFalse();
    assertThat(c.createOnly()).isTrue();
    assertThat(c.visibilityMode()).isEqualTo(VisibilityMode.PER_OBJECT);
    assertThat(c.profile()).isEqualTo(S3Profile.GENERIC);
  }

  @Test
  void config_credentialsInQuery_refusedNamingKey() {
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://b?secretKey=abc"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secretKey")
        .hasMessageNotContaining("abc");
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://ak:sk@b/"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sk@");
  }

  @Test
  void config_unknownOrBadKey_failsNamingKey() {
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://b?colour=red"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("colour");
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://b?concurrency=many"), Map.of()))
        .hasMessageStartingWith("concurrency");
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://b?partSize=lots"), Map.of()))
        .hasMessageStartingWith("partSize");
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://b?pathStyle=yes"), Map.of()))
        .hasMessageStartingWith("pathStyle");
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://b?signPayload=maybe"), Map.of()))
        .hasMessageStartingWith("signPayload");
    assertThatThrownBy(
            () ->
                S3Provider.config(
                    URI.create("s3://b?signPayload=true&signPayload=false"), Map.of()))
        .hasMessageStartingWith("signPayload");
    assertThatThrownBy(() -> S3Provider.config(URI.create("s3://b?region=a&region=b"), Map.of()))
        .hasMessageStartingWith("region");
    assertThatThrownBy(() -> S3Provider.config(URI.create("file:///x"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void config_signPayload_defaultsOffAndParses() {
    assertThat(S3Provider.config(URI.create("s3://b"), Map.of()).signPayload()).isFalse();
    assertThat(S3Provider.config(URI.create("s3://b?signPayload=true"), Map.of()).signPayload())
        .isTrue();
  }

  @Test
  void size_units_areBinary() {
    assertThat(S3Provider.size("123")).isEqualTo(123);
    assertThat(S3Provider.size("4k")).isEqualTo(4096);
    assertThat(S3Provider.size("5MiB")).isEqualTo(5L << 20);
    assertThat(S3Provider.size("2 GB")).isEqualTo(2L << 30);
  }

  @Test
  void serviceLoader_findsS3Scheme() {
    assertThat(
            ServiceLoader.load(FilesystemProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.scheme().equals("s3")))
        .hasSize(1);
  }
}
