package dev.stowage.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a command argument points: a path inside a filesystem opened from {@code root}, a local
 * file, or standard input/output ({@code -}).
 *
 * <p>Grammar, in order:
 * <ul>
 *   <li>{@code -}: standard input or output;
 *   <li>{@code scheme://authority/path?query}: {@code root} is {@code scheme://authority?query}
 *       (the filesystem, e.g. a bucket with its settings) and {@code path} is the rest, taken
 *       literally (no percent-decoding, so names may hold {@code %}; a {@code ?} starts the query,
 *       unless the location is read without one: {@code --no-query});
 *   <li>{@code scheme:path} without {@code //} (e.g. {@code memory:a/b}): root {@code scheme:};
 *   <li>{@code file:///abs/path}, or anything without a scheme: a local file, relative paths
 *       resolved against the working directory. One-letter schemes are Windows drives.
 * </ul>
 *
 * @param root the URI that {@code Filesystems.open} takes, or null for a local file or stdio
 * @param path the path inside the filesystem, or the local file's absolute path
 * @param text the argument as the user wrote it, for messages
 */
record Location(@Nullable String root, String path, String text) {

  private static final Pattern SCHEME =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);
  private static final String STDIO = "-";

  Location {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /** Returns the root of a location that has one ({@link #asFilesystemPath()} always does). */
  String requireRoot() {
    if (root == null) {
      throw new IllegalStateException("'" + text + "' has no filesystem root");
    }
    return root;
  }

  /** Parses a command argument; fails with a {@link UsageException} that names the fix. */
  static Location parse(String arg, Path workingDirectory) {
    return parse(arg, workingDirectory, true);
  }

  /**
   * Parses a command argument; with {@code withQuery} false, a {@code scheme:} location has no query
   * and everything after its bucket is the path, {@code ?} and {@code #} included.
   */
  static Location parse(String arg, Path workingDirectory, boolean withQuery) {
    if (arg.isEmpty()) {
      throw new UsageException(
          "an empty argument is not a location: give a path or a URI such as b2://bucket/dir");
    }
    if (STDIO.equals(arg)) {
      return new Location(null, STDIO, arg);
    }
    if (!SCHEME.matcher(arg).matches()) {
      return local(arg, workingDirectory, arg);
    }
    int colon = arg.indexOf(':');
    String scheme = arg.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = arg.substring(colon + 1);
    if ("file".equals(scheme)) {
      if (!rest.startsWith("///") && !rest.startsWith("/")) {
        throw new UsageException(
            "'"
                + arg
                + "': a file: URI needs an absolute path, e.g. file:///tmp/x (or just write the path)");
      }
      String p = rest.startsWith("//") ? rest.substring(2) : rest;
      if (!p.startsWith("/")) {
        throw new UsageException(
            "'" + arg + "': file: URIs with a host are not supported; use file:///path");
      }
      return local(p, workingDirectory, arg);
    }
    if (withQuery && arg.indexOf('#') >= 0) {
      throw new UsageException(
          "'"
              + arg
              + "': a '#' is not allowed in a location (fragments mean nothing"
              + " here); to name a key that holds '#' or '?', use --no-query");
    }
    if (!rest.startsWith("//")) {
      int q = withQuery ? rest.indexOf('?') : -1;
      String p = q < 0 ? rest : rest.substring(0, q);
      String query = q < 0 ? "" : rest.substring(q);
      return new Location(scheme + ":" + query, trimSlashes(p), arg);
    }
    String afterSlashes = rest.substring(2);
    int q = withQuery ? afterSlashes.indexOf('?') : -1;
    String beforeQuery = q < 0 ? afterSlashes : afterSlashes.substring(0, q);
    String query = q < 0 ? "" : afterSlashes.substring(q);
    int slash = beforeQuery.indexOf('/');
    String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String p = slash < 0 ? "" : beforeQuery.substring(slash + 1);
    if (authority.isEmpty()) {
      throw new UsageException("'" + arg + "' names no bucket: write " + scheme + "://BUCKET/path");
    }
    return new Location(scheme + "://" + authority + query, trimSlashes(p), arg);
  }

  private static Location local(String p, Path workingDirectory, String arg) {
    try {
      return new Location(
          null, workingDirectory.resolve(p).toAbsolutePath().normalize().toString(), arg);
    } catch (InvalidPathException e) {
      throw new UsageException("'" + arg + "' is not a valid local path: " + e.getReason());
    }
  }

  private static String trimSlashes(String p) {
    int start = 0;
    int end = p.length();
    while (start < end && p.charAt(start) == '/') {
      start++;
    }
    while (end > start && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(start, end);
  }

  /** Returns whether this is standard input/output. */
  boolean isStdio() {
    return root == null && STDIO.equals(path) && STDIO.equals(text);
  }

  /** Returns whether this is a local file (neither stdio nor a filesystem URI). */
  boolean isLocal() {
    return root == null && !isStdio();
  }

  /** Returns the local file; only for {@link #isLocal()} locations. */
  Path localPath() {
    if (!isLocal()) {
      throw new IllegalStateException("not a local path: " + text);
    }
    return Path.of(path);
  }

  /** Returns whether the user wrote a trailing slash, i.e. meant a directory. */
  boolean namesDirectory() {
    return beforeQuery().endsWith("/");
  }

  /** Returns the text without its query (a location read with --no-query has none). */
  private String beforeQuery() {
    return hasQuery() ? text.substring(0, text.indexOf('?')) : text;
  }

  private boolean hasQuery() {
    return root != null && root.indexOf('?') >= 0 && text.indexOf('?') >= 0;
  }

  /**
   * Returns this location as a path inside a filesystem: local files become paths in the
   * {@code file:} filesystem rooted at {@code /}, so every file command can treat both alike.
   * Symbolic links in a local path are resolved first, as far as the path exists: local paths
   * follow links for every command as {@code cat} and {@code cp} always did (the local adapter
   * itself never follows links, so it is handed the path they lead to).
   */
  Location asFilesystemPath() {
    if (isStdio()) {
      throw new UsageException(
          "'-' (standard input/output) is not allowed here; give a path or a URI");
    }
    return isLocal()
        ? new Location("file:///", trimSlashes(withLinksResolved(Path.of(path)).toString()), text)
        : this;
  }

  /** Returns {@code p} with the symbolic links of its longest existing prefix resolved. */
  static Path withLinksResolved(Path p) {
    Path existing = p;
    java.util.Deque<Path> rest = new java.util.ArrayDeque<>();
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      if (existing.getFileName() != null) {
        rest.push(existing.getFileName());
      }
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    Path resolved;
    try {
      resolved = existing.toRealPath();
    } catch (java.io.IOException e) {
      return p; // unreadable on the way: the command reports it on the literal path
    }
    for (Path name : rest) {
      resolved = resolved.resolve(name);
    }
    return resolved;
  }

  /** Returns the last segment of the path (the file name), or "" for a root. */
  String name() {
    String p = isLocal() ? trimSlashes(path) : path;
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  /** Returns the location of {@code child} below this one (a remote path or a local file). */
  Location resolve(String child) {
    String head = beforeQuery();
    String display =
        head
            + (head.endsWith("/") ? "" : "/")
            + child
            + (hasQuery() ? text.substring(head.length()) : "");
    if (isLocal()) {
      return new Location(null, Path.of(path).resolve(child).toString(), display);
    }
    return new Location(root, path.isEmpty() ? child : path + "/" + child, display);
  }

  @Override
  public String toString() {
    return text;
  }
}
