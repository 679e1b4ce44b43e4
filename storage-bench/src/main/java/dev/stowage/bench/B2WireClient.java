package dev.stowage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The B2 ceiling, "the wire": one {@code b2_upload_file} POST of the whole file, or one GET by
 * name, with a bare OkHttp client. Authorization, {@code b2_get_upload_url} and the SHA-1 of the
 * payload are done before the clock starts.
 */
final class B2WireClient implements Client {

  static final String NAME = "wire";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType OCTETS = MediaType.get("application/octet-stream");

  private final B2Access access;
  private final ObjectMapper mapper = new ObjectMapper();
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .readTimeout(Duration.ofMinutes(10))
          .writeTimeout(Duration.ofMinutes(10))
          .build();
  private final Map<Path, String> sha1s = new HashMap<>();

  // Set by the first call's authorisation, before any request uses them.
  @SuppressWarnings("NullAway.Init")
  private String apiUrl;

  @SuppressWarnings("NullAway.Init")
  private String downloadUrl;

  @SuppressWarnings("NullAway.Init")
  private String token;

  @SuppressWarnings("NullAway.Init")
  private String bucketId;

  @SuppressWarnings("NullAway.Init")
  private String uploadUrl;

  @SuppressWarnings("NullAway.Init")
  private String uploadToken;

  B2WireClient(B2Access access) {
    this.access = access;
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
  public void prepare(Scenario scenario, Job job) throws Exception {
    if (token == null) {
      authorize();
    }
    if (scenario.isUpload()) {
      sha1s.computeIfAbsent(job.payload(), B2WireClient::sha1);
      JsonNode r = call("b2_get_upload_url", Map.of("bucketId", bucketId));
      uploadUrl = r.path("uploadUrl").asText();
      uploadToken = r.path("authorizationToken").asText();
    }
  }

  @Override
  public void run(Scenario scenario, Job job) throws Exception {
    String name = access.fileName(job.key());
    if (scenario.isUpload()) {
      Request request =
          new Request.Builder()
              .url(uploadUrl)
              .header("Authorization", uploadToken)
              .header("X-Bz-File-Name", name)
              .header("X-Bz-Content-Sha1", sha1s.get(job.payload()))
              .post(RequestBody.create(job.upload().toFile(), OCTETS))
              .build();
      try (Response r = http.newCall(request).execute()) {
        check(r, "b2_upload_file");
      }
      return;
    }
    Request request =
        new Request.Builder()
            .url(downloadUrl + "/file/" + access.bucket() + "/" + name)
            .header("Authorization", token)
            .get()
            .build();
    try (Response r = http.newCall(request).execute();
        ResponseBody body = r.body()) {
      check(r, "GET by name");
      try (InputStream in = body.byteStream()) {
        long n =
            scenario == Scenario.DOWNLOAD_LARGE_TO_FILE
                ? Files.copy(in, job.output(), StandardCopyOption.REPLACE_EXISTING)
                : Streams.drain(in);
        Streams.expect(n, job.size(), "the GET by name");
      }
    }
  }

  private void authorize() throws IOException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (access.credentials().keyId() + ":" + access.credentials().applicationKey())
                    .getBytes(StandardCharsets.UTF_8));
    Request request =
        new Request.Builder()
            .url(
                access.endpoint().toString().replaceAll("/+$", "")
                    + "/b2api/v2/b2_authorize_account")
            .header("Authorization", "Basic " + basic)
            .get()
            .build();
    JsonNode auth;
    try (Response r = http.newCall(request).execute()) {
      check(r, "b2_authorize_account");
      auth = mapper.readTree(r.body().string());
    }
    apiUrl = auth.path("apiUrl").asText();
    downloadUrl = auth.path("downloadUrl").asText();
    token = auth.path("authorizationToken").asText();
    JsonNode buckets =
        call(
            "b2_list_buckets",
            Map.of("accountId", auth.path("accountId").asText(), "bucketName", access.bucket()));
    for (JsonNode b : buckets.path("buckets")) {
      if (access.bucket().equals(b.path("bucketName").asText())) {
        bucketId = b.path("bucketId").asText();
      }
    }
    if (bucketId == null) {
      throw new IOException("b2_list_buckets does not list bucket '" + access.bucket() + "'");
    }
  }

  private JsonNode call(String name, Map<String, String> body) throws IOException {
    Request request =
        new Request.Builder()
            .url(apiUrl + "/b2api/v2/" + name)
            .header("Authorization", token)
            .post(RequestBody.create(mapper.writeValueAsBytes(body), JSON))
            .build();
    try (Response r = http.newCall(request).execute()) {
      check(r, name);
      return mapper.readTree(r.body().string());
    }
  }

  private static void check(Response r, String call) throws IOException {
    if (!r.isSuccessful()) {
      throw new IOException(call + " answered HTTP " + r.code());
    }
  }

  private static String sha1(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("could not hash the payload", e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
