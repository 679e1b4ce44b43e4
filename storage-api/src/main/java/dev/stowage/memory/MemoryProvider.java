package dev.stowage.memory;

import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.FilesystemProvider;
import dev.stowage.spi.ProviderSettings;
import java.net.URI;
import java.util.Map;

/**
 * Opens {@link MemoryAdapter}s for {@code memory:} URIs.
 *
 * <p>Grammar: {@code memory:[NAME][?key=value&…]}. Without a name each open makes a fresh,
 * private store; {@code memory:NAME} (or {@code memory:/NAME}) shares one store per name within
 * the JVM. Keys: {@code multipartThreshold} and {@code partSize} (bytes; both or neither) send
 * large writes through the part uploader; {@code concurrency} (parts at once);
 * {@code publicUrlBase} (a URL) declares public URLs; {@code maxPathBytes}.
 */
public final class MemoryProvider implements FilesystemProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public MemoryProvider() {}

  @Override
  public String scheme() {
    return "memory";
  }

  @Override
  public FilesystemAdapter open(URI uri, Map<String, String> settings) {
    ProviderSettings s = ProviderSettings.of(uri, settings);
    MemoryAdapter.Builder b = MemoryAdapter.builder();
    String name = nameOf(uri);
    if (!name.isEmpty()) {
      b.name(name);
    }
    if (s.has("multipartThreshold") != s.has("partSize")) {
      throw new IllegalArgumentException("multipartThreshold and partSize must be given together");
    }
    if (s.has("multipartThreshold")) {
      b.multipart(s.longValue("multipartThreshold"), s.longValue("partSize"));
    }
    if (s.has("concurrency")) {
      b.concurrency(s.intValue("concurrency"));
    }
    if (s.has("maxPathBytes")) {
      b.maxPathBytes(s.intValue("maxPathBytes"));
    }
    if (s.has("publicUrlBase")) {
      try {
        b.publicUrlBase(URI.create(s.string("publicUrlBase")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("publicUrlBase is not a valid URI");
      }
    }
    return b.build();
  }

  private static String nameOf(URI uri) {
    String part = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
    if (part == null) {
      return "";
    }
    int q = part.indexOf('?');
    if (q >= 0) {
      part = part.substring(0, q);
    }
    while (part.startsWith("/")) {
      part = part.substring(1);
    }
    if (!uri.isOpaque() && uri.getAuthority() != null) {
      part = part.isEmpty() ? uri.getAuthority() : uri.getAuthority() + "/" + part;
    }
    return part;
  }
}
