package dev.stowage.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Turns a location given to {@code tck} or {@code bench} into the URI of a filesystem rooted at
 * it: a path in the location becomes the filesystem's root, and a local path becomes a
 * {@code file:} URI. A query whose values carry user information (a secret) is refused.
 */
final class WholeFilesystemTarget {

  private WholeFilesystemTarget() {}

  /** Returns the URI of the filesystem rooted at {@code text}. */
  static URI uri(String text, Location location) {
    String root = location.requireRoot();
    String path = location.path();
    URI uri;
    try {
      uri =
          location.text().startsWith("file:") || !text.contains(":")
              ? Path.of("/" + path).toUri()
              : new URI(withPath(root.endsWith(":") ? root + "/" : root, path));
    } catch (URISyntaxException e) {
      throw new UsageException("'" + Session.safe(root) + "' is not a valid URI: " + e.getReason());
    }
    Session.refuseUserInfoInQuery(uri, root);
    return uri;
  }

  /** Returns the location's name as shown in reports: without its query. */
  static String name(String text) {
    return Session.safe(text.contains("?") ? text.substring(0, text.indexOf('?')) : text);
  }

  private static String withPath(String root, String path) {
    if (path.isEmpty()) {
      return root;
    }
    int q = root.indexOf('?');
    return q < 0 ? root + "/" + path : root.substring(0, q) + "/" + path + root.substring(q);
  }
}
