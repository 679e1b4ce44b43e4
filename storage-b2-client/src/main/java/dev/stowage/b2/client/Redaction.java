package dev.stowage.b2.client;

import java.util.Collection;
import okhttp3.HttpUrl;

/** Removes credentials from text and URLs before they reach a log or an exception. */
final class Redaction {
  static final String MASK = "***";

  private Redaction() {}

  /** Replaces every occurrence of each non-trivial secret (and its Basic encoding) in {@code text}. */
  static String scrub(String text, Collection<String> secrets) {
    String out = text;
    for (String s : secrets) {
      if (s != null && s.length() >= 4 && out.contains(s)) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }

  /**
   * Returns {@code url} without secrets: the {@code Authorization} query parameter is masked, and
   * the opaque tail of upload URLs (which identifies an upload token) is cut.
   */
  static String url(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder();
    if (url.queryParameter("Authorization") != null) {
      b.setQueryParameter("Authorization", MASK);
    }
    String path = url.encodedPath();
    for (String call : new String[] {"/b2_upload_file/", "/b2_upload_part/"}) {
      int i = path.indexOf(call);
      if (i >= 0) {
        b.encodedPath(path.substring(0, i + call.length()) + MASK);
      }
    }
    return b.build().toString();
  }
}
