package dev.stowage.tck;

import dev.stowage.UploadTicket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A plain, credential-less HTTP client, as a browser would use the URLs and tickets the kit gets. */
final class Http {

  /** Headers the JDK client sets itself and refuses to take from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private Http() {}

  /** A response's status and body. */
  record Response(int status, byte[] body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  static Response get(URI url) {
    return send(HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(30)).build());
  }

  /**
   * Sends {@code body} as the ticket says, with its headers except those in {@code overrides}
   * (matched ignoring case; a null value removes the header).
   */
  static Response upload(UploadTicket ticket, byte[] body, Map<String, String> overrides) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(ticket.url())
            .timeout(Duration.ofSeconds(30))
            .method(ticket.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    ticket
        .headers()
        .forEach(
            (name, value) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (RESTRICTED.contains(lower)
                  || overrides.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                return;
              }
              request.header(name, value);
            });
    overrides.forEach(
        (name, value) -> {
          if (value != null) {
            request.header(name, value);
          }
        });
    return send(request.build());
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "HTTP " + request.method() + " to " + request.uri().getHost() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
