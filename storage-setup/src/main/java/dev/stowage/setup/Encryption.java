package dev.stowage.setup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A bucket's default server-side encryption for new files. */
public enum Encryption {
  /** Server-side encryption with keys the service manages (B2 {@code SSE-B2}, S3 {@code AES256}). */
  SSE_B2("sse-b2"),
  /** No default encryption. */
  NONE("none");

  private final String label;

  Encryption(String label) {
    this.label = label;
  }

  /** Returns the spelling used in spec files and on the command line ({@code sse-b2}, {@code none}). */
  @JsonValue
  public String label() {
    return label;
  }

  /**
   * Parses {@code sse-b2} (also {@code SSE-B2}, {@code sse-s3}, {@code AES256}) or {@code none}, ignoring case.
   *
   * @throws IllegalArgumentException for anything else
   */
  @JsonCreator
  public static Encryption parse(String text) {
    if (text != null) {
      switch (text.toLowerCase(java.util.Locale.ROOT)) {
        case "sse-b2":
        case "sse-s3":
        case "aes256":
          return SSE_B2;
        case "none":
          return NONE;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("encryption must be sse-b2 or none, not '" + text + "'");
  }

  @Override
  public String toString() {
    return label;
  }
}
