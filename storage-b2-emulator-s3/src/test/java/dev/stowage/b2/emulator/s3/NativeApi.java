package dev.stowage.b2.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.b2.emulator.B2Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The emulator's native B2 API as the tests use it (java.net.http and Jackson, master key). */
final class NativeApi {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An application key's id and secret. */
  record Key(String id, String secret) {
    @Override
    public String toString() {
      return "Key[" + id + "]";
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final B2Emulator emulator;
  private final JsonNode auth;

  NativeApi(B2Emulator emulator) {
    this.emulator = emulator;
    this.auth = authorize(emulator.keyId(), emulator.applicationKey());
  }

  JsonNode authorize(String keyId, String secret) {
    String basic =
        Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(emulator.url() + "/b2api/v2/b2_authorize_account"))
            .header("Authorization", "Basic " + basic)
            .GET()
            .build());
  }

  JsonNode call(String op, Map<String, ?> body) {
    try {
      return send(
          HttpRequest.newBuilder(URI.create(emulator.url() + "/b2api/v2/" + op))
              .header("Authorization", auth.get("authorizationToken").asText())
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String createBucket(String name, String type, boolean fileLock) {
    return call(
            "b2_create_bucket",
            Map.of(
                "accountId",
                auth.get("accountId").asText(),
                "bucketName",
                name,
                "bucketType",
                type,
                "fileLockEnabled",
                fileLock))
        .get("bucketId")
        .asText();
  }

  Key createKey(String name, List<String> capabilities, String bucketId, String prefix) {
    ObjectNode body = JSON.createObjectNode();
    body.put("accountId", auth.get("accountId").asText());
    body.put("keyName", name);
    body.set("capabilities", JSON.valueToTree(capabilities));
    if (bucketId != null) {
      body.put("bucketId", bucketId);
    }
    if (prefix != null) {
      body.put("namePrefix", prefix);
    }
    JsonNode n = call("b2_create_key", JSON.convertValue(body, Map.class));
    return new Key(n.get("applicationKeyId").asText(), n.get("applicationKey").asText());
  }

  /** Uploads a small file natively; {@code headers} are extra request headers (e.g. X-Bz-File-Legal-Hold). */
  JsonNode upload(String bucketId, String name, byte[] data, Map<String, String> headers) {
    JsonNode url = call("b2_get_upload_url", Map.of("bucketId", bucketId));
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(url.get("uploadUrl").asText()))
            .header("Authorization", url.get("authorizationToken").asText())
            .header(
                "X-Bz-File-Name",
                URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%2F", "/"))
            .header("Content-Type", "text/plain")
            .header("X-Bz-Content-Sha1", sha1(data));
    headers.forEach(r::header);
    return send(r.POST(HttpRequest.BodyPublishers.ofByteArray(data)).build());
  }

  /** Downloads a file by name natively; returns the status and body. */
  HttpResponse<byte[]> download(String bucket, String name) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(emulator.url() + "/file/" + bucket + "/" + name))
              .header("Authorization", auth.get("authorizationToken").asText())
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode listVersions(String bucketId) {
    return call("b2_list_file_versions", Map.of("bucketId", bucketId));
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<byte[]> res = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode n = JSON.readTree(res.body());
      if (res.statusCode() != 200) {
        throw new IllegalStateException("B2 call failed: " + res.statusCode() + " " + n);
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
