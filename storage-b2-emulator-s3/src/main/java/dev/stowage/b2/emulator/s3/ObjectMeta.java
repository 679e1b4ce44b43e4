package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore.FileView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** How S3 object metadata maps to B2 file info and back, and the ETags the face answers. */
final class ObjectMeta {
  private static final String META = "x-amz-meta-";
  private static final String CHECKSUM_KEY = org.gaul.s3proxy.checksum.FlexChecksum.METADATA_PREFIX;
  private static final Map<String, String> B2_CONTENT =
      Map.of(
          "b2-content-disposition", "content-disposition",
          "b2-content-language", "content-language",
          "b2-expires", "expires",
          "b2-cache-control", "cache-control",
          "b2-content-encoding", "content-encoding");

  private ObjectMeta() {}

  /**
   * B2 file info from S3 request metadata: {@code x-amz-meta-*} names as they are, the Content-* headers as
   * {@code b2-*} infos. A flexible checksum that S3Proxy validated arrives as metadata and is refused (400
   * InvalidArgument) with {@link ChecksumHeaders#REJECT}, else dropped.
   */
  static Map<String, String> info(
      ChecksumHeaders checksums,
      Map<String, String> metadata,
      String cacheControl,
      String disposition,
      String encoding,
      String language,
      Instant expires) {
    Map<String, String> info = new LinkedHashMap<>();
    if (metadata != null) {
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith(CHECKSUM_KEY)) {
          // S3Proxy validated an x-amz-checksum-* header and hands its value on as metadata
          if (checksums == ChecksumHeaders.REJECT) {
            throw S3Errors.invalidArgument(
                "Unsupported header 'x-amz-checksum-"
                    + name.substring(CHECKSUM_KEY.length())
                    + "' received for this API call.");
          }
          continue;
        }
        info.put(name.startsWith(META) ? name.substring(META.length()) : name, e.getValue());
      }
    }
    put(info, "b2-cache-control", cacheControl);
    put(info, "b2-content-disposition", disposition);
    put(info, "b2-content-encoding", encoding);
    put(info, "b2-content-language", language);
    if (expires != null) {
      put(
          info,
          "b2-expires",
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
              expires.atZone(java.time.ZoneOffset.UTC)));
    }
    return info;
  }

  private static void put(Map<String, String> info, String name, String value) {
    if (value != null && !value.isBlank()) {
      info.put(name, value);
    }
  }

  /** The GET (and, via S3Proxy, HEAD) answer for a version: ETag, type, B2 infos as S3 metadata and headers. */
  static GetObjectResponse response(FileView v, @Nullable String contentRange, long length) {
    Map<String, String> meta = new LinkedHashMap<>();
    v.fileInfo()
        .forEach(
            (k, value) -> {
              if (!B2_CONTENT.containsKey(k)) {
                meta.put(k, value);
              }
            });
    GetObjectResponse.Builder r =
        GetObjectResponse.builder()
            .eTag(etag(v))
            .contentLength(length)
            .contentType(v.contentType())
            .lastModified(Instant.ofEpochMilli(v.uploadTimestamp()))
            .versionId(v.fileId())
            .metadata(meta)
            .cacheControl(v.fileInfo().get("b2-cache-control"))
            .contentDisposition(v.fileInfo().get("b2-content-disposition"))
            .contentEncoding(v.fileInfo().get("b2-content-encoding"))
            .contentLanguage(v.fileInfo().get("b2-content-language"))
            .acceptRanges("bytes")
            .storageClass(StorageClass.STANDARD.toString());
    if (v.fileInfo().get("b2-expires") != null) {
      r.expires(
          java.time.ZonedDateTime.parse(
                  v.fileInfo().get("b2-expires"),
                  java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant());
    }
    if (contentRange != null) {
      r.contentRange(contentRange);
    }
    return r.build();
  }

  /** Quoted ETag: the MD5 of a small file; for a large file an opaque hash of its id with "-parts". */
  static String etag(FileView v) {
    if (v.md5() != null) {
      return quote(v.md5());
    }
    try {
      byte[] h =
          MessageDigest.getInstance("MD5").digest(v.fileId().getBytes(StandardCharsets.UTF_8));
      return quote(HexFormat.of().formatHex(h) + "-" + v.parts());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
