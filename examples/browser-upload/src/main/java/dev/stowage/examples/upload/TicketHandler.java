package dev.stowage.examples.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /ticket {name, contentType, size}}: answers with an upload ticket for a fresh path
 * {@code <prefix><random>/<name>}, so uploads never overwrite each other or existing files.
 */
final class TicketHandler implements HttpHandler {

  private static final int MAX_BODY = 16 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Filesystem fs;
  private final String prefix;
  private final long maxSize;
  private final Duration ttl;

  TicketHandler(Filesystem fs, String prefix, long maxSize, Duration ttl) {
    this.fs = fs;
    this.prefix = prefix;
    this.maxSize = maxSize;
    this.ttl = ttl;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      Exchanges.error(exchange, 405, "use POST");
      return;
    }
    UploadRequest request;
    try {
      request = UploadRequest.from(Exchanges.JSON.readTree(Exchanges.body(exchange, MAX_BODY)));
    } catch (JsonProcessingException e) {
      Exchanges.error(exchange, 400, "the body is not JSON");
      return;
    } catch (IllegalArgumentException e) {
      Exchanges.error(exchange, 400, e.getMessage());
      return;
    }
    if (request.size() > maxSize) {
      Exchanges.error(exchange, 413, "files may be at most " + maxSize + " bytes");
      return;
    }
    String path = prefix + HexFormat.of().formatHex(randomBytes()) + "/" + request.name();
    UploadTicket ticket;
    try {
      ticket =
          fs.prepareUpload(
              path, ttl, new UploadConstraints(request.contentType(), request.size(), null));
    } catch (StorageException e) {
      int status =
          e.kind() == StorageException.Kind.UNSUPPORTED
              ? 501
              : e.kind() == StorageException.Kind.INVALID_INPUT ? 400 : 502;
      Exchanges.error(exchange, status, e.getMessage());
      return;
    }
    Exchanges.json(exchange, 200, toJson(ticket));
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The ticket as the page reads it; it holds a credential, so it goes only to this one page. */
  static Map<String, Object> toJson(UploadTicket ticket) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", ticket.path());
    json.put("method", ticket.method());
    json.put("url", ticket.url().toString());
    json.put("headers", ticket.headers());
    json.put("expiresAt", ticket.expiresAt().toString());
    json.put("scope", ticket.scope().name().toLowerCase(Locale.ROOT));
    return json;
  }
}
