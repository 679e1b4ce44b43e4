package dev.stowage.s3;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Turns S3 responses into {@link FileAttributes}; knows when an ETag is an MD5. */
final class S3Attributes {

  private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

  private S3Attributes() {}

  /** Returns the attributes of a HeadObject response. */
  static FileAttributes of(String path, HeadObjectResponse h, @Nullable Visibility visibility) {
    String etag = unquote(h.eTag());
    boolean encrypted =
        h.serverSideEncryption() == ServerSideEncryption.AWS_KMS
            || h.serverSideEncryption() == ServerSideEncryption.AWS_KMS_DSSE
            || h.sseCustomerAlgorithm() != null;
    return FileAttributes.builder(path, h.contentLength() == null ? 0 : h.contentLength())
        .lastModified(h.lastModified())
        .contentType(h.contentType())
        .visibility(visibility)
        .etag(etag)
        .checksums(encrypted ? Map.of() : md5Of(etag))
        .version(h.versionId())
        .userMetadata(S3Metadata.decode(h.metadata()))
        .cacheControl(h.cacheControl())
        .contentDisposition(h.contentDisposition())
        .contentEncoding(h.contentEncoding())
        .build();
  }

  /** Returns the attributes a listing reports for one object (no content type or metadata). */
  static FileAttributes of(String path, S3Object o, @Nullable Visibility visibility) {
    String etag = unquote(o.eTag());
    return FileAttributes.builder(path, o.size() == null ? 0 : o.size())
        .lastModified(o.lastModified())
        .visibility(visibility)
        .etag(etag)
        .checksums(md5Of(etag))
        .build();
  }

  /**
   * Returns the attributes of a file just written from what was sent and what came back, without
   * another request; the modification time is the response's {@code Date} (S3 keeps seconds).
   */
  static FileAttributes written(
      String path,
      long size,
      WriteOptions o,
      @Nullable String eTag,
      String versionId,
      SdkResponse response,
      @Nullable Visibility visibility) {
    String etag = unquote(eTag);
    return FileAttributes.builder(path, size)
        .lastModified(responseDate(response))
        .contentType(o.contentType())
        .visibility(visibility)
        .etag(etag)
        .checksums(md5Of(etag))
        .version(versionId)
        .userMetadata(o.userMetadata())
        .cacheControl(o.cacheControl())
        .contentDisposition(o.contentDisposition())
        .contentEncoding(o.contentEncoding())
        .build();
  }

  /** Returns the ETag without quotes, or null. */
  static @Nullable String unquote(@Nullable String etag) {
    if (etag == null) {
      return null;
    }
    String e = etag.trim();
    if (e.startsWith("W/")) {
      e = e.substring(2);
    }
    return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")
        ? e.substring(1, e.length() - 1)
        : e;
  }

  /**
   * Returns whether {@code etag} is the MD5 of the content: 32 hex digits, which single-part
   * uploads without SSE-KMS/SSE-C get; multipart ETags end in {@code -N}.
   */
  static boolean isMd5(@Nullable String etag) {
    return etag != null && MD5_HEX.matcher(etag).matches();
  }

  private static Map<ChecksumAlgorithm, String> md5Of(@Nullable String etag) {
    return etag != null && isMd5(etag)
        ? Map.of(ChecksumAlgorithm.MD5, etag.toLowerCase(Locale.ROOT))
        : Map.of();
  }

  private static Instant responseDate(SdkResponse response) {
    if (response != null && response.sdkHttpResponse() != null) {
      String date = response.sdkHttpResponse().firstMatchingHeader("Date").orElse(null);
      if (date != null) {
        try {
          return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
          // fall through to the local clock
        }
      }
    }
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
