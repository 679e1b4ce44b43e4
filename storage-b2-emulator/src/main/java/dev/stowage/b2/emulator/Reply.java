package dev.stowage.b2.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An answer: status, headers, length and a body writer (null for none). */
final class Reply {
  /** Writes a reply body. */
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final long length;
  private final @Nullable Body body;

  Reply(int status, long length, @Nullable Body body) {
    this.status = status;
    this.length = length;
    this.body = body;
  }

  static Reply json(int status, JsonNode tree) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return new Reply(status, bytes.length, out -> out.write(bytes))
        .header("Content-Type", "application/json;charset=utf-8")
        .header("Cache-Control", "max-age=0, no-cache, no-store");
  }

  static Reply ok(JsonNode tree) {
    return json(200, tree);
  }

  static Reply error(B2Exception e) {
    Reply r =
        json(
            e.status(),
            Json.object()
                .put("status", e.status())
                .put("code", e.code())
                .put("message", e.getMessage() == null ? "" : e.getMessage()));
    e.headers().forEach(r::header);
    return r;
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  long length() {
    return length;
  }

  @Nullable Body body() {
    return body;
  }
}
