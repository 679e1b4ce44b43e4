package dev.stowage.local;

import dev.stowage.Visibility;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import dev.stowage.spi.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens {@link LocalAdapter}s for {@code file:} URIs; found by {@link java.util.ServiceLoader}.
 *
 * <p>Grammar: {@code file://[localhost]/ABSOLUTE/PATH[?key=value&…]} (also {@code file:/PATH}).
 * The path is the root; percent-escapes in it are decoded. Query keys and values are
 * percent-decoded and merged with the settings map, which wins, by {@link ProviderSettings}
 * (a key given twice or credentials in the URI are refused). Keys, all optional:
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
    ProviderSettings options = ProviderSettings.of(uri, settings);
    LocalConfig.Builder b = LocalConfig.builder(rootOf(uri));
    for (String key : options.keys()) {
      apply(b, options, key);
    }
    return b.build();
  }

  private static void apply(LocalConfig.Builder b, ProviderSettings s, String key) {
    switch (key) {
      case "symlinks":
        b.symlinkPolicy(s.enumValue(key, SymlinkPolicy.class));
        break;
      case "createRoot":
        b.createRoot(s.bool(key));
        break;
      case "publicUrlBase":
        try {
          b.publicUrlBase(new URI(s.string(key).trim()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          throw s.invalid(key, "an absolute URL without query");
        }
        break;
      case "filePublic":
        b.filePermissions(Visibility.PUBLIC, mode(s, key));
        break;
      case "filePrivate":
        b.filePermissions(Visibility.PRIVATE, mode(s, key));
        break;
      case "dirPublic":
        b.directoryPermissions(Visibility.PUBLIC, mode(s, key));
        break;
      case "dirPrivate":
        b.directoryPermissions(Visibility.PRIVATE, mode(s, key));
        break;
      case "directoryVisibility":
        b.directoryVisibility(s.enumValue(key, Visibility.class));
        break;
      case "xattrs":
        b.extendedAttributes(s.bool(key));
        break;
      case "fsync":
        b.fsync(s.bool(key));
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
      throw new IllegalArgumentException(
          "a file: URI needs an absolute path, e.g. file:///srv/data");
    }
    String host = uri.getHost();
    if (uri.getRawAuthority() != null && !"localhost".equalsIgnoreCase(host)) {
      throw new IllegalArgumentException(
          "file: URIs name a local path; remove the host '" + uri.getRawAuthority() + "'");
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

  private static int mode(ProviderSettings s, String key) {
    String value = s.string(key).trim();
    if (!value.matches("0?[0-7]{3}")) {
      throw s.invalid(key, "an octal mode such as 0644");
    }
    return Integer.parseInt(value, 8);
  }
}
