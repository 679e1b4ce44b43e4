package dev.stowage.local;

import dev.stowage.Visibility;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Opens {@link LocalAdapter}s for {@code file:} URIs; found by {@link java.util.ServiceLoader}.
 *
 * <p>Grammar: {@code file://[localhost]/ABSOLUTE/PATH[?key=value&…]} (also {@code file:/PATH}).
 * The path is the root; percent-escapes in it are decoded. Query keys and values are
 * percent-decoded as {@link dev.stowage.Filesystems} does; entries of the settings map override
 * query keys. Keys, all optional:
 * <dl>
 *   <dt>{@code symlinks}</dt><dd>{@code skip} (default) or {@code refuse}: see
 *       {@link SymlinkPolicy}.</dd>
 *   <dt>{@code createRoot}</dt><dd>{@code true} (default) or {@code false}: create a missing
 *       root.</dd>
 *   <dt>{@code publicUrlBase}</dt><dd>an absolute URL; public URLs are this base followed by the
 *       percent-encoded path. Percent-encode it inside the query.</dd>
 *   <dt>{@code filePublic}, {@code filePrivate}</dt><dd>octal file modes, default {@code 0644}
 *       and {@code 0600}.</dd>
 *   <dt>{@code dirPublic}, {@code dirPrivate}</dt><dd>octal directory modes, default
 *       {@code 0755} and {@code 0700}.</dd>
 *   <dt>{@code directoryVisibility}</dt><dd>{@code public} (default) or {@code private}: the
 *       visibility of directories created on the way by writes.</dd>
 *   <dt>{@code xattrs}</dt><dd>{@code true} (default) or {@code false}: keep metadata in
 *       extended attributes where they work.</dd>
 *   <dt>{@code fsync}</dt><dd>{@code true} (default) or {@code false}: force writes to disk.</dd>
 * </dl>
 * Example: {@code file:///srv/data?symlinks=refuse&publicUrlBase=https%3A%2F%2Fcdn.example.com%2F}.
 * An unknown key or a bad value fails with {@link IllegalArgumentException} naming the key.
 */
public final class LocalProvider implements FilesystemProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public LocalProvider() {}

  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public FilesystemAdapter open(URI uri, Map<String, String> settings) {
    return LocalAdapter.of(configOf(uri, settings));
  }

  /** Returns the configuration a URI and settings describe, without touching the disk. */
  static LocalConfig configOf(URI uri, Map<String, String> settings) {
    Map<String, String> options = new LinkedHashMap<>(query(uri));
    if (settings != null) {
      options.putAll(settings);
    }
    LocalConfig.Builder b = LocalConfig.builder(rootOf(uri));
    for (Map.Entry<String, String> e : options.entrySet()) {
      apply(b, e.getKey(), e.getValue() == null ? "" : e.getValue().trim());
    }
    return b.build();
  }

  private static void apply(LocalConfig.Builder b, String key, String value) {
    switch (key) {
      case "symlinks":
        b.symlinkPolicy(choice(key, value, SymlinkPolicy.class));
        break;
      case "createRoot":
        b.createRoot(bool(key, value));
        break;
      case "publicUrlBase":
        try {
          b.publicUrlBase(new URI(value));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          throw new IllegalArgumentException("publicUrlBase must be an absolute URL without query: '"
              + value + "'", e);
        }
        break;
      case "filePublic":
        b.filePermissions(Visibility.PUBLIC, mode(key, value));
        break;
      case "filePrivate":
        b.filePermissions(Visibility.PRIVATE, mode(key, value));
        break;
      case "dirPublic":
        b.directoryPermissions(Visibility.PUBLIC, mode(key, value));
        break;
      case "dirPrivate":
        b.directoryPermissions(Visibility.PRIVATE, mode(key, value));
        break;
      case "directoryVisibility":
        b.directoryVisibility(choice(key, value, Visibility.class));
        break;
      case "xattrs":
        b.extendedAttributes(bool(key, value));
        break;
      case "fsync":
        b.fsync(bool(key, value));
        break;
      default:
        throw new IllegalArgumentException("unknown setting '" + key + "' for file: URIs");
    }
  }

  private static Path rootOf(URI uri) {
    if (!"file".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("not a file: URI: " + uri);
    }
    if (uri.isOpaque() || uri.getPath() == null || uri.getPath().isEmpty()) {
      throw new IllegalArgumentException("a file: URI needs an absolute path, e.g. file:///srv/data");
    }
    String host = uri.getHost();
    if (uri.getRawAuthority() != null && !"localhost".equalsIgnoreCase(host)) {
      throw new IllegalArgumentException("file: URIs name a local path; remove the host '"
          + uri.getRawAuthority() + "'");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("file: URIs take no fragment");
    }
    try {
      return Path.of(new URI("file", null, uri.getPath(), null, null));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the path of this file: URI is not usable here", e);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (out.put(key, value) != null) {
        throw new IllegalArgumentException("setting '" + key + "' is given twice");
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the URI query has an invalid percent escape");
    }
  }

  private static boolean bool(String key, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
    }
  }

  private static int mode(String key, String value) {
    if (!value.matches("0?[0-7]{3}")) {
      throw new IllegalArgumentException(key + " must be an octal mode such as 0644, not '" + value + "'");
    }
    try {
      return Integer.parseInt(value, 8);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an octal mode such as 0644", e);
    }
  }

  private static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException(key + " must be one of "
        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
        + ", not '" + value + "'");
  }
}
