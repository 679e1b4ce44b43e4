package dev.stowage;

import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import dev.stowage.spi.ProviderSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Opens a {@link Filesystem} from a URI, so that the backend is configuration, not code.
 *
 * <pre>{@code
 * try (Filesystem fs = Filesystems.open("memory:")) {
 *   // …
 * }
 * Filesystem disk = Filesystems.open("file:///srv/data");
 * Filesystem b2 = Filesystems.open(URI.create("b2://my-bucket/assets"),
 *     Map.of("keyId", keyId, "applicationKey", key));   // credentials in settings
 * }</pre>
 *
 * <p><b>Grammar:</b> {@code scheme:[//authority][/path][?key=value&key=value…]}. The scheme
 * selects a {@link FilesystemProvider} found with {@link ServiceLoader} (each adapter module
 * registers one); query parameters (percent-decoded; a key given twice is refused) and the
 * {@code settings} map are merged, the map winning on a shared key
 * ({@link dev.stowage.spi.ProviderSettings}). A URI of a scheme alone ({@code memory:}) is read as
 * {@code scheme:/}.
 * <ul>
 *   <li>{@code memory:[NAME][?…]} — in this module: a fresh in-memory store per open, or one
 *       store per {@code NAME} shared within the JVM. Keys: {@code multipartThreshold} +
 *       {@code partSize} (bytes, together), {@code concurrency}, {@code publicUrlBase},
 *       {@code maxPathBytes}. See {@link dev.stowage.memory.MemoryProvider}.
 *   <li>{@code file:///absolute/dir} — local disk, from storage-local; see that module.
 *   <li>{@code b2://bucket[/prefix]} — Backblaze B2 native API, from storage-b2-native; see that
 *       module.
 *   <li>{@code s3://bucket[/prefix]?endpoint=…} — S3-compatible services, from storage-s3; see
 *       that module.
 * </ul>
 *
 * <p><b>Credentials never go in a URI.</b> A URI with user information
 * ({@code s3://key:secret@bucket}), an authority that looks like one, or a query key naming a
 * credential (a secret, password, token, access key or key id) is refused with an {@link IllegalArgumentException} whose message
 * does not repeat the URI. Pass credentials in {@code settings} or the environment.
 *
 * <p>The returned filesystem has default settings ({@link Filesystem#of}); closing it closes the
 * adapter. Unknown schemes and invalid values fail with {@link IllegalArgumentException}.
 */
public final class Filesystems {

  private Filesystems() {}

  /** Opens the filesystem that {@code uri} names, with no extra settings. */
  public static Filesystem open(String uri) {
    return open(parse(uri), Map.of());
  }

  /**
   * Opens the filesystem that {@code uri} names; {@code settings} override its query. The string
   * is read as {@link #open(String)} reads it.
   */
  public static Filesystem open(String uri, Map<String, String> settings) {
    return open(parse(uri), settings);
  }

  /** Opens the filesystem that {@code uri} names; {@code settings} override its query. */
  public static Filesystem open(URI uri, Map<String, String> settings) {
    return Filesystem.of(openAdapter(uri, settings));
  }

  /** Returns the adapter that {@code uri} names, without the facade (for decorating it first). */
  public static FilesystemAdapter openAdapter(URI uri, Map<String, String> settings) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(settings, "settings");
    if (uri.getScheme() == null) {
      throw new IllegalArgumentException(
          "the URI has no scheme; known schemes: " + providers().keySet());
    }
    // Refuses credentials in the URI before anything else looks at it.
    ProviderSettings merged = ProviderSettings.of(uri, settings);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    FilesystemProvider provider = providers().get(scheme);
    if (provider == null) {
      throw new IllegalArgumentException(
          "no provider for scheme '" + scheme + "'; known schemes: " + providers().keySet());
    }
    return provider.open(uri, merged.asMap());
  }

  /** Returns the schemes of every provider on the class path, sorted. */
  public static java.util.Set<String> schemes() {
    return providers().keySet();
  }

  private static URI parse(String text) {
    Objects.requireNonNull(text, "uri");
    int colon = text.indexOf(':');
    String candidate = colon > 0 && colon == text.length() - 1 ? text + "/" : text;
    try {
      return new URI(candidate);
    } catch (URISyntaxException e) {
      // The message of URISyntaxException repeats the input, which may hold a secret.
      throw new IllegalArgumentException(
          "not a valid URI: " + e.getReason() + " at index " + e.getIndex());
    }
  }

  /** Returns the decoded query parameters, also for opaque URIs such as {@code memory:x?a=b}. */
  static Map<String, String> query(URI uri) {
    return ProviderSettings.query(uri);
  }

  private static Map<String, FilesystemProvider> providers() {
    Map<String, FilesystemProvider> found = new TreeMap<>();
    load(ServiceLoader.load(FilesystemProvider.class), found);
    load(ServiceLoader.load(FilesystemProvider.class, Filesystems.class.getClassLoader()), found);
    return found;
  }

  private static void load(
      ServiceLoader<FilesystemProvider> loader, Map<String, FilesystemProvider> into) {
    for (FilesystemProvider p : loader) {
      into.putIfAbsent(p.scheme().toLowerCase(Locale.ROOT), p);
    }
  }
}
