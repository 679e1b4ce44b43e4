package dev.stowage.examples.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.Visibility;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /url?path=P}: confirms that an upload landed and answers with a link to it — the
 * public URL when the file is public, else a temporary one. Only paths under the upload prefix
 * are answered, so the page cannot mint links to anything else in the bucket.
 */
final class UrlHandler implements HttpHandler {

  private final Filesystem fs;
  private final String prefix;
  private final Duration ttl;

  UrlHandler(Filesystem fs, String prefix, Duration ttl) {
    this.fs = fs;
    this.prefix = prefix;
    this.ttl = ttl;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "GET");
      Exchanges.error(exchange, 405, "use GET");
      return;
    }
    String path = query(exchange.getRequestURI(), "path");
    if (path == null || !path.startsWith(prefix) || path.contains("..")) {
      Exchanges.error(exchange, 403, "only uploaded files have links");
      return;
    }
    try {
      if (!fs.fileExists(path)) {
        Exchanges.error(exchange, 404, "no file at " + path);
        return;
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("path", path);
      json.put("size", fs.fileSize(path));
      if (isPublic(path)) {
        json.put("kind", "public");
        json.put("url", fs.publicUrl(path).toString());
      } else {
        json.put("kind", "temporary");
        json.put("url", fs.temporaryUrl(path, ttl).toString());
        json.put("expiresIn", ttl.toSeconds());
      }
      Exchanges.json(exchange, 200, json);
    } catch (StorageException e) {
      Exchanges.error(exchange, 502, e.getMessage());
    }
  }

  private boolean isPublic(String path) {
    try {
      return fs.visibility(path) == Visibility.PUBLIC;
    } catch (StorageException e) {
      // No visibility at all (e.g. a backend without ACLs): a temporary link always works.
      return false;
    }
  }

  private static @Nullable String query(URI uri, String name) {
    String raw = uri.getRawQuery();
    if (raw == null) {
      return null;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
