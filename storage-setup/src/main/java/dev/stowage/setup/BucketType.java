package dev.stowage.setup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Who may read a bucket's files without authorization: nobody ({@link #PRIVATE}) or everybody ({@link #PUBLIC}). */
public enum BucketType {
  /** Only authorized requests read files (B2 {@code allPrivate}, S3 canned ACL {@code private}). */
  PRIVATE("private", "allPrivate"),
  /** Anyone may download files (B2 {@code allPublic}, S3 canned ACL {@code public-read}). */
  PUBLIC("public", "allPublic");

  private final String label;
  private final String b2Name;

  BucketType(String label, String b2Name) {
    this.label = label;
    this.b2Name = b2Name;
  }

  /** Returns the spelling used in spec files and on the command line ({@code private}, {@code public}). */
  @JsonValue
  public String label() {
    return label;
  }

  /** Returns the B2 native name ({@code allPrivate}, {@code allPublic}). */
  public String b2Name() {
    return b2Name;
  }

  /**
   * Parses {@code private}/{@code public} (also the B2 names {@code allPrivate}/{@code allPublic}), ignoring case.
   *
   * @throws IllegalArgumentException for anything else
   */
  @JsonCreator
  public static BucketType parse(String text) {
    for (BucketType t : values()) {
      if (t.label.equalsIgnoreCase(text) || t.b2Name.equalsIgnoreCase(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException("bucket type must be private or public, not '" + text + "'");
  }

  /** Returns the type whose B2 name is {@code b2Name}, or null for other B2 types (snapshot, restricted…). */
  static @Nullable BucketType fromB2(String b2Name) {
    for (BucketType t : values()) {
      if (t.b2Name.equals(b2Name)) {
        return t;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT);
  }
}
