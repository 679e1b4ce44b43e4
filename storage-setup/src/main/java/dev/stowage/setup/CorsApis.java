package dev.stowage.setup;

import java.util.Locale;

/** Which of B2's APIs a CORS preset opens to browsers, as in the B2 console's "Apply CORS rules to" choice. */
public enum CorsApis {
  /** The B2 native API: downloads by name and id, {@code b2_upload_file}, {@code b2_upload_part}. */
  NATIVE,
  /** The S3-compatible API: {@code s3_get}, {@code s3_head}, {@code s3_put}. */
  S3,
  /** Both of the above. */
  BOTH;

  /**
   * Parses {@code native}, {@code s3} or {@code both}, ignoring case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static CorsApis parse(String text) {
    for (CorsApis a : values()) {
      if (a.name().equalsIgnoreCase(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("CORS APIs must be native, s3 or both, not '" + text + "'");
  }

  /** Returns true when rules should name native B2 operations. */
  boolean includesNative() {
    return this != S3;
  }

  /** Returns true when rules should name S3 operations. */
  boolean includesS3() {
    return this != NATIVE;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
