package dev.stowage.b2.emulator;

import java.io.IOException;
import java.net.URLConnection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Receives an upload body (small file or part) into a blob, checking the {@code X-Bz-Content-Sha1} rules. */
final class Uploads {
  /** A stored body. {@code sha1} is what B2 reports: hex, or {@code unverified:<hex>} after do_not_verify. */
  record Received(String blob, long length, String sha1, String md5) {}

  private Uploads() {}

  /** Reads the SHA-1 header before any byte is stored, so bad headers leave nothing behind. */
  static String sha1Header(Call call) {
    String sha1 = call.header("X-Bz-Content-Sha1");
    if (sha1 == null || sha1.isBlank()) {
      throw B2Error.BAD_REQUEST.exception("Missing header: X-Bz-Content-Sha1");
    }
    sha1 = sha1.trim();
    if (sha1.equals("hex_digits_at_end") || sha1.equals("do_not_verify")) {
      return sha1;
    }
    if (sha1.length() != 40) {
      throw B2Error.BAD_REQUEST.exception("sha1 is wrong length");
    }
    if (!Names.isHexSha1(sha1)) {
      throw B2Error.BAD_REQUEST.exception("Not a valid hex SHA1");
    }
    return sha1.toLowerCase(Locale.ROOT);
  }

  static void checkLength(Call call, long max) {
    String length = call.header("Content-Length");
    if (length == null) {
      if (call.header("Transfer-Encoding") == null) {
        throw B2Error.BAD_REQUEST.exception("Missing header: Content-Length");
      }
      return;
    }
    long n;
    try {
      n = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw B2Error.BAD_REQUEST.exception("bad Content-Length");
    }
    if (n > max + BodyCopier.HEX_SHA1) {
      throw B2Error.BAD_REQUEST.exception(
          "Content-Length " + n + " is larger than the limit " + max);
    }
  }

  static Received receive(Call call, Store store, String sha1Header, long maxLength)
      throws IOException {
    boolean atEnd = sha1Header.equals("hex_digits_at_end");
    try (Store.BlobSink sink = store.newBlob()) {
      BodyCopier.Copied copied = BodyCopier.copy(call.body(), sink.stream(), atEnd, maxLength);
      String stored;
      if (atEnd) {
        String trailer = copied.trailer();
        if (trailer == null || !Names.isHexSha1(trailer)) {
          throw B2Error.BAD_REQUEST.exception("Not a valid hex SHA1 at the end of the body");
        }
        stored = verify(trailer.toLowerCase(Locale.ROOT), copied.sha1());
      } else if (sha1Header.equals("do_not_verify")) {
        stored = "unverified:" + copied.sha1();
      } else {
        stored = verify(sha1Header, copied.sha1());
      }
      return new Received(sink.commit(), copied.length(), stored, copied.md5());
    }
  }

  private static String verify(String claimed, String actual) {
    if (!claimed.equals(actual)) {
      throw B2Error.BAD_REQUEST.exception("Checksum did not match data received");
    }
    return actual;
  }

  /** Resolves {@code b2/x-auto} from the file name's extension; checks other values are present. */
  static String contentType(@Nullable String requested, String fileName) {
    if (requested == null || requested.isBlank()) {
      throw B2Error.BAD_REQUEST.exception("Missing Content-Type");
    }
    if (!requested.trim().equalsIgnoreCase("b2/x-auto")) {
      return requested.trim();
    }
    String guessed = URLConnection.getFileNameMap().getContentTypeFor(fileName);
    return guessed == null ? "application/octet-stream" : guessed;
  }
}
