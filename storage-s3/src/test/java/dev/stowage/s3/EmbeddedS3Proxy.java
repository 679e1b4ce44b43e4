package dev.stowage.s3;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.middleware.Middlewares;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy 4.1.0 embedded on loopback with an ephemeral port and random credentials (so that
 * signatures and expiry are checked), plus a plain SDK client for arranging and inspecting state
 * behind the adapter's back.
 */
final class EmbeddedS3Proxy implements AutoCloseable {

  private final S3Proxy proxy;
  private final URI endpoint;
  private final String accessKey = "ak-" + UUID.randomUUID().toString().substring(0, 8);
  private final String secretKey = UUID.randomUUID().toString();
  private final S3Client client;

  private EmbeddedS3Proxy(BlobStore store) throws Exception {
    proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .ignoreUnknownHeaders(true)
        .stopTimeout(0)
        .build();
    proxy.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!"STARTED".equals(proxy.getState())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** Starts S3Proxy over the in-memory {@code transient} store. */
  static EmbeddedS3Proxy inMemory() throws Exception {
    return new EmbeddedS3Proxy(BlobStores.create("transient", new Properties()));
  }

  /** Starts S3Proxy over the {@code filesystem} store in {@code directory}. */
  static EmbeddedS3Proxy onDisk(Path directory) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", directory.toString());
    return new EmbeddedS3Proxy(BlobStores.create("filesystem", p));
  }

  /** Starts S3Proxy whose store discards bodies and serves zeros (the null-blobstore middleware). */
  static EmbeddedS3Proxy discarding() throws Exception {
    Properties p = new Properties();
    p.setProperty("s3proxy.null-blobstore", "true");
    BlobStore base = BlobStores.create("transient", new Properties());
    return new EmbeddedS3Proxy(Middlewares.wrap(base, p, props -> base));
  }

  URI endpoint() {
    return endpoint;
  }

  S3Client client() {
    return client;
  }

  /** Creates a bucket with a random name and returns the name. */
  String createBucket() {
    String bucket = "stowage-" + UUID.randomUUID().toString().substring(0, 12);
    client.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  /** Returns a configuration for {@code bucket} on this server with every S3Proxy feature declared. */
  S3Config.Builder config(String bucket) {
    return S3Config.builder(bucket).profile(S3Profile.GENERIC).endpoint(endpoint)
        .credentials(accessKey, secretKey)
        .visibilityMode(dev.stowage.VisibilityMode.PER_OBJECT).createOnly(true);
  }

  /** Returns a configuration with the server's endpoint and credentials but no declared extras. */
  S3Config.Builder plainConfig(String bucket, S3Profile profile) {
    return S3Config.builder(bucket).profile(profile).endpoint(endpoint).credentials(accessKey, secretKey);
  }

  /** Returns the keys of the multipart uploads in {@code bucket} below {@code prefix} that are neither completed nor aborted. */
  java.util.List<String> pendingUploads(String bucket, String prefix) {
    return client.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)).uploads().stream()
        .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key).toList();
  }

  String accessKey() {
    return accessKey;
  }

  String secretKey() {
    return secretKey;
  }

  @Override
  public void close() {
    client.close();
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
