package dev.stowage.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * The S3 ceiling, "the wire": one PUT or GET of the whole object on a presigned URL with the JDK
 * {@link HttpClient} (HTTP/1.1, 256 KiB read buffers). The URL is signed before the clock starts.
 */
final class S3WireClient implements Client {

  static final String NAME = "wire";
  private static final Duration VALID = Duration.ofHours(1);

  static {
    // The JDK client reads responses in 16 KiB buffers by default, which makes its downloads
    // several times slower than the SDK's on loopback: no ceiling at all. 256 KiB lifts that.
    // Read once, when the JDK client's internals load; nothing in the bench uses it before this.
    if (System.getProperty("jdk.httpclient.bufsize") == null) {
      System.setProperty("jdk.httpclient.bufsize", Integer.toString(256 * 1024));
    }
  }

  private final S3Access access;
  private final S3Presigner presigner;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  @SuppressWarnings("NullAway.Init") // signed in prepare(), before each timed run
  private SdkHttpRequest signed;

  S3WireClient(S3Access access) {
    this.access = access;
    S3Presigner.Builder b =
        S3Presigner.builder()
            .region(software.amazon.awssdk.regions.Region.of(access.config().region()))
            .credentialsProvider(access.credentials())
            .serviceConfiguration(
                software.amazon.awssdk.services.s3.S3Configuration.builder()
                    .pathStyleAccessEnabled(access.config().pathStyle())
                    .build());
    access.config().endpoint().ifPresent(b::endpointOverride);
    this.presigner = b.build();
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
  public void prepare(Scenario scenario, Job job) {
    String bucket = access.config().bucket();
    String key = access.objectKey(job.key());
    signed =
        scenario.isUpload()
            ? presigner
                .presignPutObject(
                    PutObjectPresignRequest.builder()
                        .signatureDuration(VALID)
                        .putObjectRequest(
                            PutObjectRequest.builder().bucket(bucket).key(key).build())
                        .build())
                .httpRequest()
            : presigner
                .presignGetObject(
                    GetObjectPresignRequest.builder()
                        .signatureDuration(VALID)
                        .getObjectRequest(
                            GetObjectRequest.builder().bucket(bucket).key(key).build())
                        .build())
                .httpRequest();
  }

  @Override
  public void run(Scenario scenario, Job job) throws Exception {
    URI url = signed.getUri();
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30));
    for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("host")) {
        h.getValue().forEach(v -> request.header(h.getKey(), v));
      }
    }
    if (scenario.isUpload()) {
      HttpResponse<String> r =
          http.send(
              request.PUT(HttpRequest.BodyPublishers.ofFile(job.payload())).build(),
              HttpResponse.BodyHandlers.ofString());
      check(r.statusCode(), "PUT");
    } else if (scenario == Scenario.DOWNLOAD_LARGE_TO_FILE) {
      HttpResponse<Path> r =
          http.send(request.GET().build(), HttpResponse.BodyHandlers.ofFile(job.output()));
      check(r.statusCode(), "GET");
      Streams.expect(Files.size(job.output()), job.size(), "the GET");
    } else {
      HttpResponse<Long> r = http.send(request.GET().build(), info -> new CountingBody());
      check(r.statusCode(), "GET");
      Streams.expect(r.body(), job.size(), "the GET");
    }
  }

  private static void check(int status, String method) throws java.io.IOException {
    if (status / 100 != 2) {
      throw new java.io.IOException(method + " on the presigned URL answered HTTP " + status);
    }
  }

  @Override
  public void close() {
    presigner.close();
  }
}
