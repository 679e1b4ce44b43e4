package dev.stowage.examples.boot;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2CreateBucketRequest;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2ListFilesRequest;
import dev.stowage.b2.emulator.B2Emulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The B2 emulator and S3Proxy, each with a bucket named {@link #BUCKET} and random credentials,
 * started once per test JVM and stopped when it exits.
 */
final class TestServers {

  static final String BUCKET = "uploads-" + UUID.randomUUID().toString().substring(0, 8);

  private static TestServers instance;

  private final B2Emulator b2;
  private final S3Proxy s3;
  private final URI s3Endpoint;
  private final String accessKey = "ak-" + UUID.randomUUID().toString().substring(0, 8);
  private final String secretKey = "sk-" + UUID.randomUUID();

  private TestServers() throws Exception {
    b2 = B2Emulator.builder().start();
    try (B2Client client = b2Client()) {
      client.createBucket(new B2CreateBucketRequest(BUCKET, "allPrivate", null, null, null));
    }
    s3 = S3Proxy.builder()
        .blobStore(BlobStores.create("transient", new Properties()))
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .ignoreUnknownHeaders(true)
        .stopTimeout(0)
        .build();
    s3.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!"STARTED".equals(s3.getState())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("S3Proxy did not start: " + s3.getState());
      }
      Thread.sleep(10);
    }
    s3Endpoint = URI.create("http://127.0.0.1:" + s3.getPort());
    try (S3Client client = s3Client()) {
      client.createBucket(b -> b.bucket(BUCKET));
    }
  }

  /** Returns the servers, starting them on first use. */
  static synchronized TestServers get() {
    if (instance == null) {
      try {
        instance = new TestServers();
      } catch (Exception e) {
        throw new IllegalStateException("the test servers did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-test-servers"));
    }
    return instance;
  }

  /**
   * Registers the settings of both backends ({@code stowage.defaults.b2.*} and
   * {@code stowage.defaults.s3.*}), so that {@code stowage.uri} alone picks one.
   */
  void register(DynamicPropertyRegistry registry) {
    registry.add("test.bucket", () -> BUCKET);
    registry.add("stowage.defaults.b2.endpoint", b2::url);
    registry.add("stowage.defaults.b2.key-id", b2::keyId);
    registry.add("stowage.defaults.b2.application-key", b2::applicationKey);
    registry.add("stowage.defaults.s3.endpoint", s3Endpoint::toString);
    registry.add("stowage.defaults.s3.profile", () -> "generic");
    registry.add("stowage.defaults.s3.access-key", () -> accessKey);
    registry.add("stowage.defaults.s3.secret-key", () -> secretKey);
  }

  /** Lists every key in the B2 bucket, read by B2's own client behind the application's back. */
  List<String> b2Keys() {
    try (B2Client client = b2Client()) {
      String bucketId = client.listBuckets(null, BUCKET).get(0).bucketId();
      return client.listFileNames(B2ListFilesRequest.of(bucketId, null, null, 1000)).files().stream()
          .map(B2FileVersion::fileName).sorted().toList();
    }
  }

  /** Lists every key in the S3 bucket, read by the AWS SDK behind the application's back. */
  List<String> s3Keys() {
    try (S3Client client = s3Client()) {
      return client.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).sorted().toList();
    }
  }

  private B2Client b2Client() {
    return B2Client.builder().endpoint(URI.create(b2.url()))
        .credentials(new B2Credentials(b2.keyId(), b2.applicationKey())).build();
  }

  private S3Client s3Client() {
    return S3Client.builder().region(Region.US_EAST_1).endpointOverride(s3Endpoint).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .build();
  }

  private void stop() {
    try {
      s3.stop();
    } catch (Exception e) {
      // The JVM is exiting; nothing is left to clean.
    }
    b2.close();
  }
}
