package dev.stowage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

/**
 * {@link MimeDetector#tika()}: Tika core's registry, loaded once on first use.
 *
 * <p>A file name whose extension Tika's registry knows decides alone, without reading bytes (an
 * extension registered as plain binary, such as {@code .bin}, decides "no specific type"). Only a
 * name without an extension, or with one the registry does not know, has its content sniffed by
 * Tika's magic-byte detector, refined by the name. Sniffing costs about a millisecond per call;
 * the name lookup is a map read for ordinary {@code stem.ext} names.
 *
 * <p>About 140 common extensions ({@code .html}, {@code .png}, {@code .json}, {@code .bin}…) are
 * answered from a table of Tika's own answers ({@code common-content-types.properties}, checked
 * against Tika by a test), so a process that only writes such names never loads Tika's registry,
 * which takes a few hundred milliseconds: most of a short command's start.
 */
enum TikaMimeDetector implements MimeDetector {
  INSTANCE;

  /** The longest extension whose answer is remembered; longer ones are looked up each time. */
  private static final int MAX_CACHED_EXTENSION = 16;

  /** Distinct extensions remembered at most, so unusual names cannot grow the cache without end. */
  private static final int MAX_CACHED_ENTRIES = 2048;

  /** What a file name alone says: {@code decisive} with a type, or with null for "binary". */
  private record NameAnswer(boolean decisive, @Nullable String type) {
    static final NameAnswer UNKNOWN = new NameAnswer(false, null);
  }

  /** Tika's answers for common extensions, read from a small table without loading Tika. */
  private static final class Common {
    static final Map<String, NameAnswer> BY_EXTENSION = load();

    private static Map<String, NameAnswer> load() {
      java.util.Properties table = new java.util.Properties();
      try (java.io.InputStream in =
          TikaMimeDetector.class.getResourceAsStream("common-content-types.properties")) {
        if (in != null) {
          table.load(in);
        }
      } catch (IOException e) {
        return Map.of(); // Tika answers every extension then
      }
      Map<String, NameAnswer> answers = new java.util.HashMap<>();
      for (String extension : table.stringPropertyNames()) {
        String type = table.getProperty(extension).trim();
        answers.put(extension, new NameAnswer(true, type.isEmpty() ? null : type));
      }
      return Map.copyOf(answers);
    }
  }

  /** Returns the table's answer for {@code extension}, or null when the table does not have it. */
  static @Nullable String commonType(String extension) {
    NameAnswer a = Common.BY_EXTENSION.get(extension);
    return a == null ? null : a.type() == null ? "" : a.type();
  }

  /** Returns the extensions the table answers. */
  static Set<String> commonExtensions() {
    return Common.BY_EXTENSION.keySet();
  }

  /** Asks Tika's registry itself what {@code stem.<extension>} is ("" for binary, null for unknown). */
  static @Nullable String tikaType(String extension) {
    NameAnswer a = resolve(extension);
    return !a.decisive() ? null : a.type() == null ? "" : a.type();
  }

  /** Loading Tika's type registry takes a moment, so it happens on first use, not at startup. */
  private static final class Holder {
    static final Tika TIKA = new Tika();
    static final Set<String> REGISTERED_EXTENSIONS = registeredExtensions();
    static final Map<String, NameAnswer> BY_EXTENSION = new ConcurrentHashMap<>();

    /** Every {@code .ext} that a type of the default registry declares, as declared. */
    private static Set<String> registeredExtensions() {
      MimeTypes types = MimeTypes.getDefaultMimeTypes();
      Set<String> extensions = new HashSet<>();
      for (MediaType t : types.getMediaTypeRegistry().getTypes()) {
        try {
          MimeType type = types.getRegisteredMimeType(t.toString());
          if (type != null) {
            extensions.addAll(type.getExtensions());
          }
        } catch (MimeTypeException e) {
          // A type the registry cannot name has no extensions to add.
        }
      }
      return Set.copyOf(extensions);
    }
  }

  @Override
  public @Nullable String detect(String path, byte[] head) {
    NameAnswer byName;
    try {
      byName = byName(path);
    } catch (RuntimeException e) {
      return null;
    }
    if (byName.decisive()) {
      return byName.type();
    }
    String name = nameOf(path);
    byte[] bytes = head == null ? new byte[0] : head;
    String type;
    try {
      if (bytes.length == 0) {
        // With no bytes to sniff, only the name can tell; Tika would otherwise answer from the
        // (empty) content alone.
        type = name == null || name.isEmpty() ? null : Holder.TIKA.detect(name);
      } else {
        type = Holder.TIKA.detect(new ByteArrayInputStream(bytes), name);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return specific(type);
  }

  @Override
  public boolean needsHead(String path) {
    try {
      return !byName(path).decisive();
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static @Nullable String nameOf(@Nullable String path) {
    return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Returns what the name says. A simple {@code stem.ext} name (one dot, not first; an ASCII
   * letter-or-digit extension) is answered from a cache by extension: Tika's registry has no
   * pattern that tells two such names with the same extension apart. Other names ask Tika.
   */
  private static NameAnswer byName(String path) {
    if (path == null) {
      return NameAnswer.UNKNOWN;
    }
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash + 1 || dot == path.length() - 1) {
      return NameAnswer.UNKNOWN; // no extension (README, .htaccess): the content may tell
    }
    String extension = path.substring(dot + 1);
    boolean alphanumeric = isAlphanumeric(extension);
    if (alphanumeric && path.lastIndexOf('.', dot - 1) <= slash) {
      return extension.length() > MAX_CACHED_EXTENSION ? resolve(extension) : lookUp(extension);
    }
    // Multi-part suffixes (.warc.gz, .hprof.txt) and odd extensions go to Tika each time.
    String full = specific(Holder.TIKA.detect(path.substring(slash + 1)));
    if (full != null) {
      return new NameAnswer(true, full);
    }
    return alphanumeric ? lookUp(extension) : NameAnswer.UNKNOWN;
  }

  private static NameAnswer lookUp(String extension) {
    NameAnswer common = Common.BY_EXTENSION.get(extension);
    if (common != null) {
      return common;
    }
    NameAnswer cached = Holder.BY_EXTENSION.get(extension);
    if (cached != null) {
      return cached;
    }
    NameAnswer answer = resolve(extension);
    if (extension.length() <= MAX_CACHED_EXTENSION
        && Holder.BY_EXTENSION.size() < MAX_CACHED_ENTRIES) {
      Holder.BY_EXTENSION.putIfAbsent(extension, answer);
    }
    return answer;
  }

  /** Asks Tika about {@code x.<extension>}; an extension it does not declare says nothing. */
  private static NameAnswer resolve(String extension) {
    String type = specific(Holder.TIKA.detect("x." + extension));
    if (type != null) {
      return new NameAnswer(true, type);
    }
    // Tika answers octet-stream both for ".bin" (declared binary) and for names it does not know.
    boolean registered =
        Holder.REGISTERED_EXTENSIONS.contains("." + extension)
            || Holder.REGISTERED_EXTENSIONS.contains("." + extension.toLowerCase(Locale.ENGLISH));
    return registered ? new NameAnswer(true, null) : NameAnswer.UNKNOWN;
  }

  private static @Nullable String specific(@Nullable String type) {
    return type == null || ContentTypes.isGeneric(type) ? null : type.toLowerCase(Locale.ROOT);
  }

  private static boolean isAlphanumeric(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
