package dev.stowage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The few B2 native calls these tests need, over plain HTTP: this module cannot use the B2
 * adapter or client, whose own tests use this module.
 */
final class RawB2 {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Answer(int status, JsonNode body) {}

  private final String apiUrl;
  private final String downloadUrl;
  private final String token;

  private RawB2(JsonNode auth) {
    this.apiUrl = auth.get("apiUrl").asText();
    this.downloadUrl = auth.get("downloadUrl").asText();
    this.token = auth.get("authorizationToken").asText();
  }

  /** Authorizes with {@code settings} (endpoint, keyId, applicationKey) as a B2 client would. */
  static RawB2 authorize(Map<String, String> settings) throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (settings.get("keyId") + ":" + settings.get("applicationKey"))
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(settings.get("endpoint") + "/b2api/v2/b2_authorize_account"))
                .header("Authorization", "Basic " + basic)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("authorize failed: " + r.statusCode() + " " + r.body());
    }
    return new RawB2(JSON.readTree(r.body()));
  }

  /** Calls {@code b2_*} with a JSON body. */
  Answer call(String operation, Map<String, Object> body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(apiUrl + "/b2api/v2/" + operation))
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), JSON.readTree(r.body().isEmpty() ? "{}" : r.body()));
  }

  /** Downloads {@code bucket/name}; returns the status and, on 200, the body as text. */
  Answer download(String bucket, String name) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(downloadUrl + "/file/" + bucket + "/" + name))
                .header("Authorization", token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body =
        r.statusCode() == 200 ? JSON.getNodeFactory().textNode(r.body()) : JSON.readTree(r.body());
    return new Answer(r.statusCode(), body);
  }
}
