package dev.stowage;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks the facade makes before any I/O: path normalisation and limits, capabilities, and
 * option values. Every failure here means nothing was sent to the backend.
 */
final class Preconditions {

  /** {@code type/subtype} made of RFC 7230 token characters, then optional parameters. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+/[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*;.*)?");

  private final Capabilities capabilities;

  Preconditions(Capabilities capabilities) {
    this.capabilities = capabilities;
  }

  /**
   * Normalises a path that may be the root (directories, listings, existence checks) and names
   * something already stored: segments may be as long as {@code maxReadSegmentBytes}.
   */
  String path(String raw) {
    return PathNormalizer.normalize(
        raw, capabilities.maxPathBytes(), capabilities.maxReadSegmentBytes());
  }

  /** Normalises a path something is written to: segments are held to {@code maxSegmentBytes}. */
  String writePath(String raw) {
    return PathNormalizer.normalize(
        raw, capabilities.maxPathBytes(), capabilities.maxSegmentBytes());
  }

  /** Normalises a path that must name a file. */
  String file(String raw) {
    String path = path(raw);
    if (path.isEmpty()) {
      throw PathRejectedException.because(raw, "the root is not a file");
    }
    return path;
  }

  /**
   * Normalises the destination of a write, copy or move: a path written with a trailing slash
   * names a directory, which normalising would otherwise hide.
   */
  String destination(String raw, Operation operation, @Nullable String source) {
    String path = writePath(raw);
    if (raw.endsWith("/") || raw.endsWith("\\")) {
      throw failure(
          operation,
          source == null ? path : source,
          source == null ? null : path,
          StorageException.Kind.IS_A_DIRECTORY,
          "the path ends with a slash");
    }
    if (path.isEmpty()) {
      throw PathRejectedException.because(raw, "the root is not a file");
    }
    return path;
  }

  /** Fails with UNSUPPORTED unless {@code capability} is declared. */
  void require(
      Capability capability, Operation operation, String path, @Nullable String destination) {
    if (!capabilities.has(capability)) {
      throw failure(
          operation,
          path,
          destination,
          StorageException.Kind.UNSUPPORTED,
          "the adapter does not declare " + capability);
    }
  }

  /** Fails with UNSUPPORTED when a visibility is asked of an adapter without visibility. */
  void visibility(
      @Nullable Visibility visibility,
      Operation operation,
      String path,
      @Nullable String destination) {
    if (visibility != null && capabilities.visibilityMode() == VisibilityMode.NONE) {
      throw failure(
          operation,
          path,
          destination,
          StorageException.Kind.UNSUPPORTED,
          "the adapter has no visibility");
    }
  }

  /** Checks every option of a write, copy or move against capabilities and value rules. */
  void options(
      WriteOptions options, Operation operation, String path, @Nullable String destination) {
    visibility(options.visibility(), operation, path, destination);
    if (options.contentType() != null) {
      require(Capability.CONTENT_TYPE, operation, path, destination);
      contentType(options.contentType(), operation, path, destination);
    }
    if (options.cacheControl() != null) {
      require(Capability.CACHE_CONTROL, operation, path, destination);
      header("cache control", options.cacheControl(), operation, path, destination);
    }
    if (options.contentDisposition() != null) {
      require(Capability.CONTENT_DISPOSITION, operation, path, destination);
      header("content disposition", options.contentDisposition(), operation, path, destination);
    }
    if (options.contentEncoding() != null) {
      require(Capability.CONTENT_ENCODING, operation, path, destination);
      header("content encoding", options.contentEncoding(), operation, path, destination);
    }
    if (!options.userMetadata().isEmpty()) {
      require(Capability.USER_METADATA, operation, path, destination);
      for (Map.Entry<String, String> e : options.userMetadata().entrySet()) {
        if (!isToken(e.getKey())) {
          throw invalid(
              operation,
              path,
              destination,
              "user metadata keys must be non-empty and use only a-z, 0-9, '-' and '_'");
        }
        if (e.getValue() == null || hasControl(e.getValue())) {
          throw invalid(
              operation,
              path,
              destination,
              "user metadata value of '" + e.getKey() + "' is missing or has a control character");
        }
      }
    }
    if (options.createOnly()) {
      require(Capability.CREATE_ONLY, operation, path, destination);
    }
  }

  /** Checks the lifetime of a temporary URL or an upload ticket. */
  void ttl(Duration ttl, Operation operation, String path) {
    if (ttl == null
        || ttl.isNegative()
        || ttl.isZero()
        || ttl.compareTo(capabilities.maxTemporaryUrlTtl()) > 0) {
      throw failure(
          operation,
          path,
          null,
          StorageException.Kind.INVALID_INPUT,
          "lifetime must be positive and at most " + capabilities.maxTemporaryUrlTtl());
    }
  }

  /** Checks that a content type is a well-formed {@code type/subtype[; parameters]}. */
  static void contentType(
      String value, Operation operation, String path, @Nullable String destination) {
    header("content type", value, operation, path, destination);
    if (!MEDIA_TYPE.matcher(value).matches()) {
      throw invalid(operation, path, destination, "content type is not of the form type/subtype");
    }
  }

  static StorageException invalid(
      Operation operation, String path, @Nullable String destination, String detail) {
    return failure(operation, path, destination, StorageException.Kind.INVALID_INPUT, detail);
  }

  static StorageException failure(
      Operation operation,
      String path,
      @Nullable String destination,
      StorageException.Kind kind,
      String detail) {
    return StorageException.of(operation, path, destination, kind, detail, null, null);
  }

  private static void header(
      String name, String value, Operation operation, String path, @Nullable String destination) {
    if (value.isEmpty() || hasControl(value)) {
      throw invalid(operation, path, destination, name + " is empty or has a control character");
    }
  }

  private static boolean isToken(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
