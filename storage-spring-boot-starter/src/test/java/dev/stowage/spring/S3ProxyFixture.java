package dev.stowage.spring;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy over its in-memory store on a loopback port, with random credentials and one bucket. */
final class S3ProxyFixture implements StorageServer {

  private final S3Proxy proxy;
  private final URI endpoint;
  private final String accessKey = "ak-" + UUID.randomUUID().toString().substring(0, 8);
  private final String secretKey = "sk-" + UUID.randomUUID();
  private final String bucket = "boot-" + UUID.randomUUID().toString().substring(0, 12);

  S3ProxyFixture() throws Exception {
    proxy = S3Proxy.builder()
        .blobStore(BlobStores.create("transient", new Properties()))
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .ignoreUnknownHeaders(true)
        .stopTimeout(0)
        .build();
    proxy.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!"STARTED".equals(proxy.getState())) {
      if (Instant.now().isAfter(deadline)) {
        proxy.stop();
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    try (S3Client client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .build()) {
      client.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public String secret() {
    return secretKey;
  }

  @Override
  public String secretProperty(String prefix, String value) {
    return prefix + ".settings.secret-key=" + value;
  }

  @Override
  public String[] properties(String prefix, String bucketName, String root) {
    return new String[] {
        prefix + ".uri=s3://" + bucketName + "/" + root,
        prefix + ".settings.endpoint=" + endpoint,
        prefix + ".settings.profile=generic",
        prefix + ".settings.region=us-east-1",
        prefix + ".settings.access-key=" + accessKey,
        prefix + ".settings.secret-key=" + secretKey,
    };
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
