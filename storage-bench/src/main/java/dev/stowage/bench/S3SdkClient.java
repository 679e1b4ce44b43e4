package dev.stowage.bench;

import java.io.InputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The raw AWS SDK v2: one {@code putObject} from the file or one {@code getObject}, on a client
 * built with the adapter's settings (Apache 5 HTTP client with the same connection limit, path
 * style as configured, checksums only when required, same endpoint and region).
 */
final class S3SdkClient implements Client {

  static final String NAME = "sdk";

  private final S3Access access;
  private final S3Client client;

  S3SdkClient(S3Access access) {
    this.access = access;
    S3ClientBuilder b =
        S3Client.builder()
            .httpClientBuilder(
                Apache5HttpClient.builder().maxConnections(access.config().maxConnections()))
            .region(Region.of(access.config().region()))
            .credentialsProvider(access.credentials())
            .forcePathStyle(access.config().pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    access.config().endpoint().ifPresent(b::endpointOverride);
    this.client = b.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(Scenario scenario) {
    return scenario == Scenario.UPLOAD_SMALL
        || scenario == Scenario.UPLOAD_LARGE
        || scenario.isDownload();
  }

  @Override
  public void run(Scenario scenario, Job job) throws Exception {
    String bucket = access.config().bucket();
    String key = access.objectKey(job.key());
    if (scenario.isUpload()) {
      client.putObject(
          PutObjectRequest.builder().bucket(bucket).key(key).build(),
          RequestBody.fromFile(job.payload()));
    } else if (scenario == Scenario.DOWNLOAD_LARGE_TO_FILE) {
      client.getObject(
          GetObjectRequest.builder().bucket(bucket).key(key).build(),
          ResponseTransformer.toFile(job.output()));
      Streams.expect(java.nio.file.Files.size(job.output()), job.size(), "getObject");
    } else {
      try (InputStream in =
          client.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
        Streams.expect(Streams.drain(in), job.size(), "getObject");
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
