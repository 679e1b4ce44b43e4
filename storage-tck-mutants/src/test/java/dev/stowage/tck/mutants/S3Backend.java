package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.VisibilityMode;
import dev.stowage.s3.S3Adapter;
import dev.stowage.s3.S3Config;
import dev.stowage.s3.S3Profile;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.tck.StoredBytes;
import dev.stowage.testing.S3ProxyServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The S3 adapter on one embedded S3Proxy ({@link S3ProxyServer}: in-memory store, random credentials) and one
 * bucket, configured as the adapter's own S3Proxy contract test: per-object ACLs, create-only,
 * 5 MiB parts. A plain SDK client lists pending multipart uploads behind the adapter's back.
 */
final class S3Backend implements Backend {

  private final String bucket = "mutants-" + UUID.randomUUID().toString().substring(0, 8);
  private final S3ProxyServer server = S3ProxyServer.builder().bucket(bucket).start();
  private final URI endpoint = server.endpoint();
  private final S3Client client =
      S3Client.builder()
          .region(Region.US_EAST_1)
          .endpointOverride(endpoint)
          .forcePathStyle(true)
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
          .build();
  private Capabilities capabilities;

  @Override
  public String name() {
    return "s3 (S3Proxy)";
  }

  private S3Config.Builder config() {
    return S3Config.builder(bucket)
        .profile(S3Profile.GENERIC)
        .endpoint(endpoint)
        .credentials(server.accessKey(), server.secretKey())
        .visibilityMode(VisibilityMode.PER_OBJECT)
        .createOnly(true)
        .partSize(5 << 20)
        .multipartThreshold(5 << 20)
        .concurrency(3);
  }

  @Override
  public FilesystemAdapter adapter() {
    return S3Adapter.create(config().build());
  }

  @Override
  public synchronized Capabilities capabilities() {
    if (capabilities == null) {
      try (FilesystemAdapter adapter = adapter()) {
        capabilities = adapter.capabilities();
      }
    }
    return capabilities;
  }

  @Override
  public boolean canLeaveUploadsBehind() {
    return true;
  }

  /** Every AbortMultipartUpload fails in the SDK before it is sent, so uploads stay pending. */
  @Override
  public FilesystemAdapter adapterThatNeverAborts() {
    return S3Adapter.create(
        config()
            .interceptor(
                new ExecutionInterceptor() {
                  @Override
                  public void beforeExecution(
                      Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if (context.request() instanceof AbortMultipartUploadRequest) {
                      throw SdkClientException.create("mutant: the abort is never sent");
                    }
                  }
                })
            .build());
  }

  @Override
  public Function<String, List<String>> pendingUploads() {
    return root ->
        client
            .listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(root + "/"))
            .uploads()
            .stream()
            .map(MultipartUpload::key)
            .toList();
  }

  /** Gets objects with the backend's own SDK client. */
  @Override
  public Function<String, StoredBytes> storedBytes() {
    return kitRoot ->
        path -> {
          try {
            return Optional.of(
                client
                    .getObjectAsBytes(b -> b.bucket(bucket).key(kitRoot + "/" + path))
                    .asByteArray());
          } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return Optional.empty();
          }
        };
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
