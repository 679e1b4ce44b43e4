package dev.stowage.examples.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the page asks a ticket for, checked before anything reaches the filesystem.
 *
 * @param name the file's name as the browser reports it, reduced to its last segment
 * @param contentType a bare MIME type ({@code type/subtype}, no parameters: a signed type must
 *     match what the browser sends byte for byte)
 * @param size the exact size in bytes
 */
record UploadRequest(String name, String contentType, long size) {

  private static final Pattern MIME =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}");
  private static final int MAX_NAME = 200;

  UploadRequest {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters");
    }
    if (name.equals(".")
        || name.equals("..")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("name must be a plain file name");
    }
    if (contentType == null || !MIME.matcher(contentType).matches()) {
      throw new IllegalArgumentException("contentType must be a MIME type such as image/png");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be 0 or more");
    }
  }

  /** Reads a request from the page's JSON, keeping only the last segment of the name. */
  static UploadRequest from(@Nullable JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(
          "the body must be a JSON object {name, contentType, size}");
    }
    JsonNode size = json.get("size");
    if (size == null || !size.canConvertToLong()) {
      throw new IllegalArgumentException("size must be a whole number of bytes");
    }
    String name = text(json, "name");
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return new UploadRequest(name, text(json, "contentType"), size.asLong());
  }

  /** The field's text, or "" when it is missing or not a string (which the constructor refuses by name). */
  private static String text(JsonNode json, String field) {
    JsonNode n = json.get(field);
    return n == null || !n.isTextual() ? "" : n.asText();
  }
}
