package dev.stowage.b2;

import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadScope;
import dev.stowage.UploadTicket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2DownloadAuthorization;
import dev.stowage.b2.client.B2DownloadAuthorizationRequest;
import dev.stowage.b2.client.B2UploadUrl;
import dev.stowage.spi.BackendException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * URLs for plain HTTP clients: public download URLs ({@code allPublic} buckets), temporary
 * download URLs carrying a {@code b2_get_download_authorization} token, and upload tickets.
 *
 * <p>Upload tickets are B2 upload URLs: their token lets the holder upload <em>any</em> name into
 * the bucket until it expires, 24 hours after it was issued, whatever lifetime was asked for; the
 * ticket says so ({@link UploadScope#BUCKET}, {@code expiresAt}).
 */
final class B2Urls {
  /** How long B2 upload URLs (and their tokens) live. */
  static final Duration UPLOAD_URL_LIFETIME = Duration.ofHours(24);

  private final B2Context ctx;

  B2Urls(B2Context ctx) {
    this.ctx = ctx;
  }

  URI publicUrl(String path) {
    if (!ctx.retries.call(() -> ctx.bucket.bucket().isPublic())) {
      throw BackendException.of(
          StorageException.Kind.UNSUPPORTED, "bucket " + ctx.bucket.name() + " is private");
    }
    return ctx.retries.call(() -> ctx.client.fileUrl(ctx.bucket.name(), ctx.bucket.fileName(path)));
  }

  /**
   * Returns the by-name URL with a download token limited to names starting with this file's
   * name. B2 scopes tokens by prefix only, and this is the narrowest scope it offers: the URL of
   * {@code share/report} also opens {@code share/report-confidential.txt} (with the token in the
   * URL, any name under the prefix can be fetched). With {@link B2Config.TemporaryUrlScope#EXACT}
   * this fails with UNSUPPORTED instead.
   */
  URI temporaryUrl(String path, Duration ttl) {
    if (ctx.config.temporaryUrlScope() == B2Config.TemporaryUrlScope.EXACT) {
      throw BackendException.of(
          StorageException.Kind.UNSUPPORTED,
          "B2 scopes download tokens by name prefix only, so a temporary URL would also open every name"
              + " starting with this one; temporaryUrlScope=exact refuses that (use prefix to allow it)");
    }
    String fileName = ctx.bucket.fileName(path);
    long seconds =
        Math.max(
            1,
            Math.min(
                B2DownloadAuthorizationRequest.MAX_DURATION_SECONDS,
                (ttl.toMillis() + 999) / 1000));
    B2DownloadAuthorization auth =
        ctx.retries.call(
            () ->
                ctx.client.getDownloadAuthorization(
                    new B2DownloadAuthorizationRequest(ctx.bucket.id(), fileName, seconds, null)));
    URI base = ctx.retries.call(() -> ctx.client.fileUrl(ctx.bucket.name(), fileName));
    return URI.create(base + "?Authorization=" + B2Client.percentEncode(auth.authorizationToken()));
  }

  /**
   * Returns a ticket for a browser upload: POST the file to the upload URL with exactly these
   * headers. The SHA-1 header is {@code do_not_verify} because a browser rarely knows it before
   * sending; B2 then stores {@code unverified:<sha1>} of the bytes it received, which downloads
   * still verify against.
   */
  UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    B2Context.checkContentType(constraints.contentType());
    ctx.checkVisibility(constraints.visibility());
    Instant issued = ctx.clock.instant();
    B2UploadUrl url = ctx.retries.call(() -> ctx.client.getUploadUrl(ctx.bucket.id()));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", url.authorizationToken());
    headers.put("X-Bz-File-Name", B2Client.percentEncode(ctx.bucket.fileName(path)));
    headers.put(
        "Content-Type",
        constraints.contentType() != null ? constraints.contentType() : B2Writer.AUTO_TYPE);
    headers.put("X-Bz-Content-Sha1", "do_not_verify");
    return new UploadTicket(
        path,
        "POST",
        URI.create(url.uploadUrl()),
        headers,
        issued.plus(UPLOAD_URL_LIFETIME),
        UploadScope.BUCKET);
  }
}
