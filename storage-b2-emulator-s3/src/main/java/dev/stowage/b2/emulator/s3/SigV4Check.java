package dev.stowage.b2.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks an AWS Signature Version 4 {@code Authorization} header, for the few S3 calls the gate
 * answers itself (bucket CORS) before S3Proxy, which checks every other call, sees them.
 */
final class SigV4Check {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/s3/aws4_request,\\s*"
              + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
  private static final HexFormat HEX = HexFormat.of();

  /** The signer's key id, and the parts of the header the signature is checked against. */
  record Signed(String keyId, String date, String region, List<String> headers, String signature) {}

  private SigV4Check() {}

  /** Returns the parsed {@code Authorization} header, or null when it is not a SigV4 header. */
  static @Nullable Signed parse(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return null;
    }
    Matcher m = AUTHORIZATION.matcher(header.trim());
    if (!m.matches()) {
      return null;
    }
    return new Signed(
        m.group(1), m.group(2), m.group(3), List.of(m.group(4).split(";")), m.group(5));
  }

  /** Returns whether {@code signed} is the signature of this request and body with {@code secret}. */
  static boolean verify(HttpServletRequest request, byte[] body, Signed signed, String secret) {
    String amzDate = request.getHeader("x-amz-date");
    String payloadHash = request.getHeader("x-amz-content-sha256");
    if (amzDate == null
        || !amzDate.startsWith(signed.date())
        || payloadHash == null
        || !signed.headers().contains("host")) {
      return false;
    }
    if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(hex(sha256(body)))) {
      return false;
    }
    StringBuilder canonical =
        new StringBuilder()
            .append(request.getMethod())
            .append('\n')
            .append(request.getRequestURI())
            .append('\n')
            .append(canonicalQuery(request.getQueryString()))
            .append('\n');
    for (String name : signed.headers()) {
      String value = request.getHeader(name);
      canonical
          .append(name)
          .append(':')
          .append(value == null ? "" : value.trim().replaceAll("\\s+", " "))
          .append('\n');
    }
    canonical
        .append('\n')
        .append(String.join(";", signed.headers()))
        .append('\n')
        .append(payloadHash);
    String scope = signed.date() + "/" + signed.region() + "/s3/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), signed.date());
    key = hmac(key, signed.region());
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    byte[] expected = hmac(key, toSign);
    return MessageDigest.isEqual(expected, HEX.parseHex(signed.signature()));
  }

  /** The query sorted by name, each name and value encoded as SigV4 encodes them. */
  private static String canonicalQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = decode(eq < 0 ? part : part.substring(0, eq));
      String value = eq < 0 ? "" : decode(part.substring(eq + 1));
      pairs.add(new String[] {encode(name), encode(value)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder();
    for (String[] p : pairs) {
      out.append(out.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
    }
    return out.toString();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Percent-encodes all but the unreserved characters, as SigV4 asks. */
  private static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
