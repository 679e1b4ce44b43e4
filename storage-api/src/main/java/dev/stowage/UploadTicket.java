package dev.stowage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a browser (or any plain HTTP client) needs to upload one file straight to the
 * backend: send {@code method} to {@code url} with exactly {@code headers} and the file as body.
 *
 * <p>{@code toString()} hides the URL's query and the header values: they carry signatures or tokens.
 *
 * @param path the path the upload creates
 * @param method the HTTP method ({@code PUT} for S3, {@code POST} for B2 native)
 * @param url where to send it
 * @param headers the headers to send, exactly as given
 * @param expiresAt when the ticket stops working
 * @param scope what the ticket allows beyond this upload
 */
public record UploadTicket(
    String path,
    String method,
    URI url,
    Map<String, String> headers,
    Instant expiresAt,
    UploadScope scope) {

  public UploadTicket {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(scope, "scope");
  }

  @Override
  public String toString() {
    return "UploadTicket[path="
        + path
        + ", method="
        + method
        + ", url="
        + url.getScheme()
        + "://"
        + url.getRawAuthority()
        + url.getRawPath()
        + (url.getRawQuery() == null ? "" : "?…")
        + ", headers="
        + headers.keySet()
        + ", expiresAt="
        + expiresAt
        + ", scope="
        + scope
        + "]";
  }
}
