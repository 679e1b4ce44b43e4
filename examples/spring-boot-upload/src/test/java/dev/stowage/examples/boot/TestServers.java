package dev.stowage.examples.boot;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.S3ProxyExtension;
import dev.stowage.testing.S3ProxyServer;
import java.net.URI;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The B2 emulator and S3Proxy of a test class, each with a bucket named {@link #BUCKET}: their
 * settings as {@code stowage} properties, and what each bucket holds as the server's own client
 * lists it.
 */
final class TestServers {

  static final String BUCKET = "upload-tests";

  private TestServers() {}

  /** Returns the B2 emulator extension: one emulator per test class with {@link #BUCKET}. */
  static B2EmulatorExtension b2() {
    return B2EmulatorExtension.builder().bucket(BUCKET).perClass();
  }

  /** Returns the S3Proxy extension: one server per test class with {@link #BUCKET}. */
  static S3ProxyExtension s3() {
    return S3ProxyExtension.builder().bucket(BUCKET).perClass();
  }

  /**
   * Registers the settings of both backends ({@code stowage.defaults.b2.*} and
   * {@code stowage.defaults.s3.*}), so that {@code stowage.uri} alone picks one.
   */
  static void register(
      DynamicPropertyRegistry registry, B2EmulatorExtension b2, S3ProxyExtension s3) {
    registry.add("test.bucket", () -> BUCKET);
    registry.add("stowage.defaults.b2.endpoint", () -> b2.emulator().url());
    registry.add("stowage.defaults.b2.key-id", () -> b2.emulator().keyId());
    registry.add("stowage.defaults.b2.application-key", () -> b2.emulator().applicationKey());
    registry.add("stowage.defaults.s3.endpoint", () -> s3.endpoint().toString());
    registry.add("stowage.defaults.s3.profile", () -> "generic");
    registry.add("stowage.defaults.s3.access-key", () -> s3.server().accessKey());
    registry.add("stowage.defaults.s3.secret-key", () -> s3.server().secretKey());
  }

  /** Lists every key in the B2 bucket, read by B2's own client behind the application's back. */
  static List<String> b2Keys(B2EmulatorExtension b2) {
    B2Emulator emulator = b2.emulator();
    try (B2Client client =
        B2Client.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(new B2Credentials(emulator.keyId(), emulator.applicationKey()))
            .build()) {
      String bucketId = client.listBuckets(null, BUCKET).get(0).bucketId();
      return client
          .listFileNames(B2ListFilesRequest.of(bucketId, null, null, 1000))
          .files()
          .stream()
          .map(B2FileVersion::fileName)
          .sorted()
          .toList();
    }
  }

  /** Lists every key in the S3 bucket, read by the AWS SDK behind the application's back. */
  static List<String> s3Keys(S3ProxyExtension s3) {
    S3ProxyServer server = s3.server();
    try (S3Client client =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(server.endpoint())
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
            .build()) {
      return client.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream()
          .map(S3Object::key)
          .sorted()
          .toList();
    }
  }
}
