package dev.stowage.s3;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * User metadata on the wire. Headers carry US-ASCII only (a raw UTF-8 value breaks the SigV4
 * signature on servers that read headers as ISO-8859-1), so a value with other characters is
 * sent as an RFC 2047 encoded word, {@code =?UTF-8?B?<base64>?=} — the form AWS itself decodes
 * on PUT and uses on GET — and decoded again when read back.
 */
final class S3Metadata {

  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?UTF-8\\?([BbQq])\\?([^?]*)\\?=", Pattern.CASE_INSENSITIVE);

  private S3Metadata() {}

  /** Returns the metadata to send: printable US-ASCII values as they are, others encoded. */
  static Map<String, String> encode(Map<String, String> metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    metadata.forEach(
        (k, v) ->
            out.put(
                k,
                isPlainAscii(v)
                    ? v
                    : "=?UTF-8?B?"
                        + Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))
                        + "?="));
    return out;
  }

  /** Returns the metadata as written: keys lowercase, encoded words decoded. */
  static Map<String, String> decode(Map<String, String> metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    if (metadata != null) {
      metadata.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), decodeValue(v)));
    }
    return out;
  }

  static @Nullable String decodeValue(@Nullable String value) {
    if (value == null) {
      return null;
    }
    Matcher m = ENCODED_WORD.matcher(value.trim());
    if (!m.matches() || !m.group(1).equalsIgnoreCase("B")) {
      return value;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(m.group(2));
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return value; // not ours: keep what the server had
    }
  }

  private static boolean isPlainAscii(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    // A literal value that looks like an encoded word would be decoded on the way back.
    return !ENCODED_WORD.matcher(v.trim()).matches();
  }
}
