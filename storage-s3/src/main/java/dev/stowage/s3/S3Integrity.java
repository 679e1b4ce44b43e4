package dev.stowage.s3;

import dev.stowage.ByteRange;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Decides what a download can be checked against. S3 gives one trustworthy digest of a whole
 * object: the ETag of an object uploaded in one PutObject is the MD5 of its bytes (32 hex digits),
 * unless the object is encrypted with SSE-KMS or SSE-C, whose ETags are not MD5s.
 *
 * <p>So a download is verified when it is the whole object (no range, or a range the server
 * answered with {@code bytes 0-(n-1)/n}, such as {@code ByteRange.from(0)}) and its ETag is an
 * MD5 and no SSE-KMS/SSE-C header came with it. AWS documents that SSE-S3 ({@code AES256})
 * objects keep MD5 ETags; other services do not promise it, so on every other profile any
 * server-side-encryption header turns verification off. Not verified: other ranges (S3 has no digest of a
 * slice), objects uploaded in parts (ETag {@code md5-of-part-md5s-N}), and SSE-KMS/SSE-C objects.
 * The stored {@code x-amz-checksum-*} values are not used: B2 and several other services do not
 * keep them, and a multipart upload's checksum is of its parts.
 */
final class S3Integrity {

  /** Who vouches for the expected digest, as {@link dev.stowage.spi.VerifyingInputStream} says it. */
  static final String SOURCE = "the S3 ETag";

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  private S3Integrity() {}

  /**
   * Returns the MD5 the bytes of {@code response} must have, or null when they cannot be checked.
   *
   * @param range the range asked for, or null for the whole object
   * @param profile the service, which decides whether an SSE-S3 object's ETag is trusted
   */
  static @Nullable Checksum expected(
      GetObjectResponse response, @Nullable ByteRange range, S3Profile profile) {
    if (range != null && !wholeObject(response.contentRange())) {
      return null;
    }
    if (response.sseCustomerAlgorithm() != null || response.sseCustomerKeyMD5() != null) {
      return null;
    }
    ServerSideEncryption sse = response.serverSideEncryption();
    boolean encrypted = sse != null || response.serverSideEncryptionAsString() != null;
    boolean md5Etag = !encrypted || profile == S3Profile.AWS && sse == ServerSideEncryption.AES256;
    if (!md5Etag) {
      return null;
    }
    String etag = S3Attributes.unquote(response.eTag());
    if (etag == null || !S3Attributes.isMd5(etag)) {
      return null;
    }
    return new Checksum(ChecksumAlgorithm.MD5, etag.toLowerCase(Locale.ROOT));
  }

  /** Returns whether a {@code Content-Range} header covers a whole object. */
  static boolean wholeObject(String contentRange) {
    if (contentRange == null) {
      return false; // a range was asked for and the answer does not say what it holds
    }
    Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
    if (!m.matches()) {
      return false;
    }
    try {
      long first = Long.parseLong(m.group(1));
      long last = Long.parseLong(m.group(2));
      long total = Long.parseLong(m.group(3));
      return first == 0 && last == total - 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
