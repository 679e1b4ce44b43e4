package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** A small raw B2 client over java.net.http for protocol tests: it sends exactly what a test says. */
final class B2TestClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, headers, raw body and (when JSON) the parsed body. */
  record Res(int status, java.net.http.HttpHeaders headers, byte[] body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String code() {
      return json().path("code").asText();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final String url;
  final int version;
  String accountId;
  String token;

  B2TestClient(String url, int version) {
    this.url = url;
    this.version = version;
  }

  static B2TestClient authorized(B2Emulator emulator, int version) {
    B2TestClient c = new B2TestClient(emulator.url(), version);
    c.authorize(emulator.keyId(), emulator.applicationKey());
    return c;
  }

  Res authorizeRaw(String keyId, String key) {
    String basic =
        Base64.getEncoder().encodeToString((keyId + ":" + key).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(url + "/b2api/v" + version + "/b2_authorize_account"))
            .header("Authorization", "Basic " + basic)
            .GET());
  }

  JsonNode authorize(String keyId, String key) {
    Res r = authorizeRaw(keyId, key);
    if (r.status() != 200) {
      throw new AssertionError(
          "authorize failed: " + r.status() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }
    accountId = r.json().get("accountId").asText();
    token = r.json().get("authorizationToken").asText();
    return r.json();
  }

  Res call(String op, Object body) {
    return callWithToken(op, body, token);
  }

  Res callWithToken(String op, Object body, String auth) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + "/b2api/v" + version + "/" + op))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return send(b);
  }

  /** Calls and requires 200; returns the JSON body. */
  JsonNode ok(String op, Object body) {
    Res r = call(op, body);
    if (r.status() != 200) {
      throw new AssertionError(
          op + " failed: " + r.status() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }
    return r.json();
  }

  static byte[] bytes(Object body) {
    try {
      return body instanceof byte[] ? (byte[]) body : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Res send(HttpRequest.Builder b) {
    try {
      return toRes(
          http.send(
              b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Res toRes(HttpResponse<byte[]> r) {
    return new Res(r.statusCode(), r.headers(), r.body());
  }

  String createBucket(String name, String type) {
    return ok(
            "b2_create_bucket",
            Map.of("accountId", accountId, "bucketName", name, "bucketType", type))
        .get("bucketId")
        .asText();
  }

  ObjectNode uploadUrl(String bucketId) {
    return (ObjectNode) ok("b2_get_upload_url", Map.of("bucketId", bucketId));
  }

  /** Uploads with the SHA-1 in the header; extra headers are name/value pairs. */
  Res upload(String bucketId, String encodedName, byte[] data, String... headers) {
    ObjectNode u = uploadUrl(bucketId);
    return uploadTo(u, encodedName, data, sha1(data), headers);
  }

  Res uploadTo(
      JsonNode uploadUrl, String encodedName, byte[] data, String sha1, String... headers) {
    return uploadTo(
        Map.of(
            "uploadUrl",
            uploadUrl.get("uploadUrl").asText(),
            "authorizationToken",
            uploadUrl.get("authorizationToken").asText()),
        encodedName,
        data,
        sha1,
        headers);
  }

  Res uploadTo(
      Map<String, String> uploadUrl,
      String encodedName,
      byte[] data,
      String sha1,
      String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(uploadUrl.get("uploadUrl")))
            .header("Authorization", uploadUrl.get("authorizationToken"))
            .header("X-Bz-File-Name", encodedName)
            .header("Content-Type", "b2/x-auto")
            .header("X-Bz-Content-Sha1", sha1)
            .POST(HttpRequest.BodyPublishers.ofByteArray(data));
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  Res download(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).GET();
    if (token != null) {
      b.header("Authorization", token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }
}
