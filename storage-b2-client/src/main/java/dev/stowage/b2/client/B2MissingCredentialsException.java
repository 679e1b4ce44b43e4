package dev.stowage.b2.client;

/**
 * No credentials to authorise with: thrown by {@link B2Credentials#environment()} when
 * {@value B2Credentials#KEY_ID_VARIABLE} or {@value B2Credentials#KEY_VARIABLE} is missing. The
 * message names the missing variable and how else credentials can be given; it never holds a value.
 * The adapter reports it as {@code PERMISSION_DENIED}: retrying cannot help.
 */
public final class B2MissingCredentialsException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the variable {@code missing}. */
  public B2MissingCredentialsException(String missing) {
    super(
        "no B2 credentials: environment variable "
            + missing
            + " is not set; set "
            + B2Credentials.KEY_ID_VARIABLE
            + " and "
            + B2Credentials.KEY_VARIABLE
            + " (or the keyId and applicationKey settings, or B2Config.Builder.credentials)");
  }
}
