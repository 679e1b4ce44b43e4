package dev.stowage.s3;

import dev.stowage.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.middleware.Middlewares;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * storage-testing's {@link S3ProxyServer} (loopback, random credentials, so that signatures and
 * expiry are checked) plus a plain SDK client for arranging and inspecting state behind the
 * adapter's back, and the adapter configurations these tests use.
 */
final class EmbeddedS3Proxy implements AutoCloseable {

  private final S3ProxyServer server;
  private final URI endpoint;
  private final S3Client client;

  private EmbeddedS3Proxy(S3ProxyServer.Builder builder) {
    server = builder.start();
    endpoint = server.endpoint();
    client = client(server);
  }

  /** Opens a plain SDK client on {@code server}, for arranging and inspecting state behind the adapter's back. */
  static S3Client client(S3ProxyServer server) {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(server.endpoint())
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /** Starts S3Proxy over the in-memory {@code transient} store. */
  static EmbeddedS3Proxy inMemory() {
    return new EmbeddedS3Proxy(S3ProxyServer.builder());
  }

  /** Starts S3Proxy over the {@code filesystem} store in {@code directory}. */
  static EmbeddedS3Proxy onDisk(Path directory) {
    return new EmbeddedS3Proxy(S3ProxyServer.builder().dataDirectory(directory));
  }

  /** Starts S3Proxy whose store discards bodies and serves zeros (the null-blobstore middleware). */
  static EmbeddedS3Proxy discarding() throws java.io.IOException {
    Properties p = new Properties();
    p.setProperty("s3proxy.null-blobstore", "true");
    BlobStore base = BlobStores.create("transient", new Properties());
    return new EmbeddedS3Proxy(
        S3ProxyServer.builder().blobStore(Middlewares.wrap(base, p, props -> base)));
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
    return config(server, bucket);
  }

  /** Returns a configuration for {@code bucket} on {@code server} with every S3Proxy feature declared. */
  static S3Config.Builder config(S3ProxyServer server, String bucket) {
    return S3Config.builder(bucket)
        .profile(S3Profile.GENERIC)
        .endpoint(server.endpoint())
        .credentials(server.accessKey(), server.secretKey())
        .visibilityMode(dev.stowage.VisibilityMode.PER_OBJECT)
        .createOnly(true);
  }

  /** Returns a configuration with the server's endpoint and credentials but no declared extras. */
  S3Config.Builder plainConfig(String bucket, S3Profile profile) {
    return S3Config.builder(bucket)
        .profile(profile)
        .endpoint(endpoint)
        .credentials(server.accessKey(), server.secretKey());
  }

  /** Returns the keys of the multipart uploads in {@code bucket} below {@code prefix} that are neither completed nor aborted. */
  java.util.List<String> pendingUploads(String bucket, String prefix) {
    return client
        .listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))
        .uploads()
        .stream()
        .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key)
        .toList();
  }

  String accessKey() {
    return server.accessKey();
  }

  String secretKey() {
    return server.secretKey();
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.close();
    }
  }
}
