package dev.stowage.memory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encodes a path for a URL, segment by segment, keeping the slashes. */
final class UrlPaths {

  private UrlPaths() {}

  static String encode(String path) {
    StringBuilder b = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return b.toString();
  }
}
