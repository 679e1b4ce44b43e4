package dev.stowage.b2.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * A default server-side encryption setting, in the {@code {mode, algorithm}} shape the bucket calls
 * send and return.
 *
 * <p>Use {@link #sseB2()} or {@link #none()} in requests. Read from a bucket without default
 * encryption, both fields may be null; {@link #isSseB2()} answers either way.
 *
 * @param mode {@code SSE-B2}, {@code none}, or null on a read meaning none
 * @param algorithm {@code AES256} with {@code SSE-B2}, else null
 */
public record B2ServerSideEncryption(String mode, @Nullable String algorithm) {

  /** The mode of B2-managed keys. */
  public static final String MODE_SSE_B2 = "SSE-B2";

  /** The mode that turns default encryption off. */
  public static final String MODE_NONE = "none";

  /** The only algorithm B2 offers. */
  public static final String AES256 = "AES256";

  /** Returns {@code {mode: "SSE-B2", algorithm: "AES256"}}: encrypt new files with B2-managed keys. */
  public static B2ServerSideEncryption sseB2() {
    return new B2ServerSideEncryption(MODE_SSE_B2, AES256);
  }

  /** Returns {@code {mode: "none"}}: no default encryption for new files. */
  public static B2ServerSideEncryption none() {
    return new B2ServerSideEncryption(MODE_NONE, null);
  }

  /** Returns whether this setting encrypts with B2-managed keys. */
  @JsonIgnore
  public boolean isSseB2() {
    return MODE_SSE_B2.equals(mode);
  }
}
