package dev.stowage;

import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Opens a {@link Filesystem} from a URI, so that the backend is configuration, not code.
 *
 * <pre>{@code
 * try (Filesystem fs = Filesystems.open("memory:")) { … }
 * Filesystem disk = Filesystems.open("file:///srv/data");
 * Filesystem b2 = Filesystems.open(URI.create("b2://my-bucket/assets"),
 *     Map.of("applicationKeyId", keyId, "applicationKey", key));   // credentials in settings
 * }</pre>
 *
 * <p><b>Grammar:</b> {@code scheme:[//authority][/path][?key=value&key=value…]}. The scheme
 * selects a {@link FilesystemProvider} found with {@link ServiceLoader} (each adapter module
 * registers one); query parameters (percent-decoded) and the {@code settings} map are merged,
 * the map winning on a shared key. A URI of a scheme alone ({@code memory:}) is read as
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
 * secret, password or token is refused with an {@link IllegalArgumentException} whose message
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

  /** Opens the filesystem that {@code uri} names; {@code settings} override its query. */
  public static Filesystem open(URI uri, Map<String, String> settings) {
    return Filesystem.of(openAdapter(uri, settings));
  }

  /** Returns the adapter that {@code uri} names, without the facade (for decorating it first). */
  public static FilesystemAdapter openAdapter(URI uri, Map<String, String> settings) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(settings, "settings");
    if (uri.getScheme() == null) {
      throw new IllegalArgumentException("the URI has no scheme; known schemes: " + providers().keySet());
    }
    refuseCredentials(uri);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    FilesystemProvider provider = providers().get(scheme);
    if (provider == null) {
      throw new IllegalArgumentException(
          "no provider for scheme '" + scheme + "'; known schemes: " + providers().keySet());
    }
    Map<String, String> merged = new LinkedHashMap<>(query(uri));
    merged.putAll(settings);
    return provider.open(uri, Map.copyOf(merged));
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

  private static void refuseCredentials(URI uri) {
    boolean userInfo = uri.getRawUserInfo() != null;
    String authority = uri.getRawAuthority();
    boolean suspicious = authority != null && uri.getHost() == null
        && (authority.contains(":") || authority.contains("@"));
    if (userInfo || suspicious) {
      throw new IllegalArgumentException("credentials must not be put in a URI (found user "
          + "information before the host); pass them in the settings map or the environment");
    }
    for (String key : query(uri).keySet()) {
      String k = key.toLowerCase(Locale.ROOT);
      if (k.contains("secret") || k.contains("password") || k.contains("token")
          || k.equals("applicationkey")) {
        throw new IllegalArgumentException("credentials must not be put in a URI (query key '"
            + key + "'); pass them in the settings map or the environment");
      }
    }
  }

  /** Returns the decoded query parameters, also for opaque URIs such as {@code memory:x?a=b}. */
  static Map<String, String> query(URI uri) {
    String raw = uri.getRawQuery();
    if (raw == null && uri.isOpaque()) {
      String ssp = uri.getRawSchemeSpecificPart();
      int q = ssp.indexOf('?');
      raw = q < 0 ? null : ssp.substring(q + 1);
    }
    Map<String, String> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.put(key, value);
    }
    return result;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the URI query has an invalid percent escape");
    }
  }

  private static Map<String, FilesystemProvider> providers() {
    Map<String, FilesystemProvider> found = new TreeMap<>();
    load(ServiceLoader.load(FilesystemProvider.class), found);
    load(ServiceLoader.load(FilesystemProvider.class, Filesystems.class.getClassLoader()), found);
    return found;
  }

  private static void load(ServiceLoader<FilesystemProvider> loader, Map<String, FilesystemProvider> into) {
    for (FilesystemProvider p : loader) {
      into.putIfAbsent(p.scheme().toLowerCase(Locale.ROOT), p);
    }
  }
}
