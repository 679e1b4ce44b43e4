package dev.stowage.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes what may hold a secret from text the CLI prints or logs: the user information of any
 * URI ({@code http://user:SECRET@host} becomes {@code http://host}) and the whole query of any
 * URI ({@code b2://b?endpoint=…&x=SECRET} becomes {@code b2://b?…}). Queries go entirely because
 * a malformed one cannot be split reliably into safe and secret parts.
 */
final class Redaction {

  /**
   * A scheme and "//", then user information: a name up to an '@' before any '/', or a
   * {@code user:password} pair whose password may hold a '/' (a secret copied verbatim).
   */
  private static final Pattern USER_INFO =
      Pattern.compile(
          "(\\b[A-Za-z][A-Za-z0-9+.-]*://)(?:[^\\s'\"<>@/?#]*:[^\\s'\"<>@?#]*|[^\\s'\"<>@/?#]*)@");

  /**
   * A URI (scheme, then anything up to whitespace or a quote) with a query, which ends at
   * whitespace, a quote or a colon that ends a word (the {@code ": "} of a message).
   */
  private static final Pattern QUERY =
      Pattern.compile(
          "(\\b[A-Za-z][A-Za-z0-9+.-]*:[^\\s'\"<>?]*)\\?(?:[^\\s'\"<>:]|:(?=[^\\s'\"<>]))*");

  private Redaction() {}

  /** Returns {@code text} with the user information and queries of URIs removed; null stays null. */
  static @Nullable String redact(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String s = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    return QUERY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "?…"));
  }
}
