package dev.stowage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@link StoredMetadata} in {@code user.stowage.*} extended attributes: one attribute per
 * header ({@code user.stowage.content-type}, …) and {@code user.stowage.meta.KEY} per user
 * metadata entry, values in UTF-8. Attributes are read and written without following links.
 * When disabled (not configured, or the probe failed) reads return nothing and writes of empty
 * metadata do nothing.
 */
final class LocalMetadata {

  private static final String PREFIX = "stowage.";
  private static final String CONTENT_TYPE = PREFIX + "content-type";
  private static final String CACHE_CONTROL = PREFIX + "cache-control";
  private static final String CONTENT_DISPOSITION = PREFIX + "content-disposition";
  private static final String CONTENT_ENCODING = PREFIX + "content-encoding";
  private static final String USER = PREFIX + "meta.";

  private final boolean enabled;

  LocalMetadata(boolean enabled) {
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  /**
   * Returns whether user extended attributes work in {@code directory}: writes a hidden probe
   * file there, sets, reads back and removes an attribute, then deletes the file.
   */
  static boolean probe(Path directory) {
    Path probe = directory.resolve(LocalPaths.temporaryName());
    try {
      Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      try {
        UserDefinedFileAttributeView view = view(probe);
        if (view == null) {
          return false;
        }
        view.write(PREFIX + "probe", ByteBuffer.wrap(new byte[] {1}));
        boolean listed = view.list().contains(PREFIX + "probe");
        view.delete(PREFIX + "probe");
        return listed;
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | RuntimeException e) {
      // Read-only roots, filesystems without user attributes, security managers: no metadata.
      return false;
    }
  }

  /** Reads the metadata of a file. */
  StoredMetadata read(Path file) throws IOException {
    if (!enabled) {
      return StoredMetadata.NONE;
    }
    UserDefinedFileAttributeView view = view(file);
    if (view == null) {
      return StoredMetadata.NONE;
    }
    String contentType = null;
    String cacheControl = null;
    String contentDisposition = null;
    String contentEncoding = null;
    Map<String, String> user = new LinkedHashMap<>();
    for (String name : view.list()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String value = get(view, name);
      if (value == null) {
        continue;
      }
      switch (name) {
        case CONTENT_TYPE:
          contentType = value;
          break;
        case CACHE_CONTROL:
          cacheControl = value;
          break;
        case CONTENT_DISPOSITION:
          contentDisposition = value;
          break;
        case CONTENT_ENCODING:
          contentEncoding = value;
          break;
        default:
          if (name.startsWith(USER) && name.length() > USER.length()) {
            user.put(name.substring(USER.length()), value);
          }
      }
    }
    return new StoredMetadata(contentType, cacheControl, contentDisposition, contentEncoding, user);
  }

  /**
   * Replaces the metadata of a file (attributes of other software are left alone). With
   * {@code fresh} the file was just created by the adapter and has no attributes to remove, so
   * they are not listed, and empty metadata costs nothing.
   */
  void write(Path file, StoredMetadata metadata, boolean fresh) throws IOException {
    if (!enabled || fresh && metadata.isEmpty()) {
      return;
    }
    UserDefinedFileAttributeView view = view(file);
    if (view == null) {
      return;
    }
    if (!fresh) {
      for (String name : view.list()) {
        if (name.startsWith(PREFIX)) {
          view.delete(name);
        }
      }
    }
    put(view, CONTENT_TYPE, metadata.contentType());
    put(view, CACHE_CONTROL, metadata.cacheControl());
    put(view, CONTENT_DISPOSITION, metadata.contentDisposition());
    put(view, CONTENT_ENCODING, metadata.contentEncoding());
    for (Map.Entry<String, String> e : metadata.userMetadata().entrySet()) {
      put(view, USER + e.getKey(), e.getValue());
    }
  }

  private static UserDefinedFileAttributeView view(Path file) {
    return Files.getFileAttributeView(
        file, UserDefinedFileAttributeView.class, LocalPaths.NO_FOLLOW);
  }

  private static String get(UserDefinedFileAttributeView view, String name) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
    view.read(name, buffer);
    buffer.flip();
    return StandardCharsets.UTF_8.decode(buffer).toString();
  }

  private static void put(UserDefinedFileAttributeView view, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      view.write(name, StandardCharsets.UTF_8.encode(value));
    }
  }
}
