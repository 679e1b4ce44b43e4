package dev.stowage.spring;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.decorator.MountManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Opens the filesystems the properties describe and applies the decorators. */
final class FilesystemOpener {

  private final List<FilesystemDecorator> decorators;
  private final Map<String, Map<String, String>> defaults;

  /**
   * Creates an opener that applies {@code decorators} in order and gives each filesystem the
   * {@code defaults} of its URI scheme under its own settings.
   */
  FilesystemOpener(
      List<FilesystemDecorator> decorators, Map<String, Map<String, String>> defaults) {
    this.decorators = List.copyOf(decorators);
    Map<String, Map<String, String>> bySchemes = new LinkedHashMap<>();
    defaults.forEach(
        (scheme, values) ->
            bySchemes.put(
                scheme.toLowerCase(Locale.ROOT),
                SettingNames.canonical(values, "stowage.defaults." + scheme)));
    this.defaults = bySchemes;
  }

  /**
   * Opens one filesystem. A missing or malformed URI or a bad setting fails with an
   * {@link IllegalArgumentException} naming the property; no message repeats a setting's value.
   */
  Filesystem open(
      String name, String property, @Nullable String uri, Map<String, String> settings) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException(
          property + ".uri is required (for example b2://bucket/prefix)");
    }
    String scheme = scheme(uri);
    Map<String, String> merged = new LinkedHashMap<>(defaults.getOrDefault(scheme, Map.of()));
    merged.putAll(SettingNames.canonical(settings, property + ".settings"));
    Filesystem fs;
    try {
      fs = Filesystems.open(uri.trim(), merged);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
    try {
      for (FilesystemDecorator d : decorators) {
        Filesystem next = d.decorate(name, scheme, fs);
        if (next == null) {
          throw new IllegalStateException(
              d.getClass().getName() + " returned no filesystem for " + name);
        }
        fs = next;
      }
      return fs;
    } catch (RuntimeException e) {
      fs.close();
      throw e;
    }
  }

  /** Opens every mount; if one fails, the ones already open are closed. */
  MountManager mounts(Map<String, StowageProperties.Mount> mounts) {
    if (mounts.isEmpty()) {
      throw new IllegalArgumentException("stowage.mounts has no entries");
    }
    MountManager.Builder b = MountManager.builder();
    List<Filesystem> opened = new ArrayList<>();
    try {
      for (Map.Entry<String, StowageProperties.Mount> e : mounts.entrySet()) {
        StowageProperties.Mount m = e.getValue();
        Filesystem fs =
            open(e.getKey(), "stowage.mounts." + e.getKey(), m.getUri(), m.getSettings());
        opened.add(fs);
        b.mount(e.getKey(), fs);
      }
      return b.build();
    } catch (RuntimeException e) {
      for (Filesystem fs : opened) {
        try {
          fs.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static String scheme(String uri) {
    int colon = uri.indexOf(':');
    return colon > 0 ? uri.substring(0, colon).trim().toLowerCase(Locale.ROOT) : "";
  }
}
