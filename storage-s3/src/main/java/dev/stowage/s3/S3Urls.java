package dev.stowage.s3;

import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadScope;
import dev.stowage.UploadTicket;
import dev.stowage.spi.BackendException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * URLs: public links (a configured base, or the endpoint's object URL), presigned GETs, and
 * upload tickets — presigned PUTs scoped to one key, with the content type (and ACL, and length)
 * signed so that the backend rejects anything else.
 */
final class S3Urls {

  private final S3Context s3;
  private final S3Presigner presigner;

  /**
   * Gives the clock to sign the next URL by, or null for the SDK's own presigning (the system
   * clock); the supplier itself is null in production.
   */
  private final @Nullable Supplier<Clock> signingClock;

  S3Urls(S3Context s3, S3Presigner presigner, @Nullable Supplier<Clock> signingClock) {
    this.s3 = s3;
    this.presigner = presigner;
    this.signingClock = signingClock;
  }

  /** Returns a presigner for the signing clock in force now, or null for the SDK's default. */
  private @Nullable ClockedPresigner clocked() {
    Clock clock = signingClock == null ? null : signingClock.get();
    return clock == null ? null : new ClockedPresigner(clock);
  }

  URI publicUrl(String path) {
    String key = s3.keys().file(path);
    URI base = s3.config().publicUrlBase().orElse(null);
    try {
      if (base != null) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + encodePath(key));
      }
      return s3.client().utilities().getUrl(r -> r.bucket(s3.bucket()).key(key)).toURI();
    } catch (URISyntaxException | RuntimeException e) {
      throw BackendException.of(StorageException.Kind.UNEXPECTED, "cannot build the URL", e);
    }
  }

  URI temporaryUrl(String path, Duration ttl) {
    ClockedPresigner clocked = clocked();
    try {
      PresignedGetObjectRequest p =
          presigner.presignGetObject(
              r ->
                  r.signatureDuration(ttl)
                      .getObjectRequest(
                          g -> {
                            g.bucket(s3.bucket()).key(s3.keys().file(path));
                            if (clocked != null) {
                              g.overrideConfiguration(o -> o.signer(clocked));
                            }
                          }));
      return p.url().toURI();
    } catch (URISyntaxException | RuntimeException e) {
      throw failure(e);
    }
  }

  /**
   * Returns a presigned PUT for exactly {@code path}. Every signed header is part of the ticket
   * and must be sent unchanged: {@code Content-Type} when constrained, {@code x-amz-acl} when a
   * visibility was asked for on an object-ACL profile. A fixed length is signed too, but left out
   * of the headers: clients set {@code Content-Length} from the body.
   */
  UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints c) {
    ObjectCannedACL acl = s3.acl(c.visibility());
    PutObjectRequest.Builder put =
        PutObjectRequest.builder()
            .bucket(s3.bucket())
            .key(s3.keys().file(path))
            .contentType(c.contentType())
            .acl(acl);
    if (c.contentLength() >= 0) {
      put.contentLength(c.contentLength());
    }
    ClockedPresigner clocked = clocked();
    if (clocked != null) {
      put.overrideConfiguration(o -> o.signer(clocked));
    }
    PutObjectRequest request = put.build();
    try {
      PresignedPutObjectRequest p =
          presigner.presignPutObject(r -> r.signatureDuration(ttl).putObjectRequest(request));
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> h : p.signedHeaders().entrySet()) {
        // Clients derive Host and Content-Length themselves (browsers and java.net.http refuse
        // to set them); a signed length still binds the body's length.
        if (!h.getKey().equalsIgnoreCase("host")
            && !h.getKey().equalsIgnoreCase("content-length")) {
          headers.put(canonicalName(h.getKey()), String.join(",", h.getValue()));
        }
      }
      // Signed as of another clock, the ticket expires on that clock, not the SDK's.
      java.time.Instant expiresAt =
          clocked != null && clocked.expiresAt() != null ? clocked.expiresAt() : p.expiration();
      return new UploadTicket(path, "PUT", p.url().toURI(), headers, expiresAt, UploadScope.OBJECT);
    } catch (URISyntaxException | RuntimeException e) {
      throw failure(e);
    }
  }

  private BackendException failure(Exception e) {
    if (e instanceof RuntimeException) {
      return s3.fail((RuntimeException) e, false);
    }
    return BackendException.of(StorageException.Kind.UNEXPECTED, "cannot build the URL", e);
  }

  /** Returns {@code content-type} as {@code Content-Type}, the form browsers and docs use. */
  private static String canonicalName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean upper = true;
    for (char ch : name.toCharArray()) {
      b.append(upper ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
      upper = ch == '-';
    }
    String n = b.toString();
    return n.toLowerCase(Locale.ROOT).startsWith("x-amz-") ? n.toLowerCase(Locale.ROOT) : n;
  }

  /** Percent-encodes a key for a URL path, keeping {@code /} and RFC 3986 unreserved characters. */
  static String encodePath(String key) {
    StringBuilder out = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
