package dev.stowage.decorator;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.DirectoryAttributes;
import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.Operation;
import dev.stowage.PathRejectedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadStream;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@link Filesystem} over several, addressed as {@code name://path}: each name is a mounted
 * filesystem, and the path is resolved by it.
 *
 * <pre>{@code
 * MountManager fs = MountManager.builder()
 *     .mount("local", Filesystems.open("file:///srv/uploads"))
 *     .mount("b2", Filesystems.open("b2://assets"))
 *     .build();
 * fs.move("local://incoming/a.png", "b2://images/a.png");   // streams across, then deletes
 * }</pre>
 *
 * <p>Copy and move within one mount are delegated (server-side where the backend can). Across
 * mounts, copy streams the bytes and carries visibility (to per-object destinations) and the
 * content metadata the destination stores, unless the options set them; move is that copy then
 * a delete of the source (if the delete fails, the destination stays and a
 * {@link dev.stowage.MoveFailedException} says so). Listings report {@code name://} paths. A
 * location without {@code name://} or with an unknown name fails with
 * {@link PathRejectedException}. {@link #capabilities()} is what every mount can do;
 * {@link #close()} closes every mount. Thread-safe when the mounts are.
 */
public final class MountManager implements Filesystem {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+-]+");
  private static final String SEPARATOR = "://";

  private final Map<String, Filesystem> mounts;
  private final Capabilities capabilities;

  private MountManager(Map<String, Filesystem> mounts) {
    this.mounts = Collections.unmodifiableMap(new LinkedHashMap<>(mounts));
    this.capabilities = MountCapabilities.common(mounts.values());
  }

  /** Returns a builder with no mounts. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the mounted filesystems by name, in mounting order. */
  public Map<String, Filesystem> mounts() {
    return mounts;
  }

  /** A resolved location: the mount's name and filesystem, and the path within it. */
  private record Target(String name, Filesystem fs, String path) {}

  private Target route(String location) {
    Objects.requireNonNull(location, "location");
    int i = location.indexOf(SEPARATOR);
    if (i <= 0) {
      throw PathRejectedException.because(
          location, "expected name://path, mounts: " + mounts.keySet());
    }
    String name = location.substring(0, i);
    Filesystem fs = mounts.get(name);
    if (fs == null) {
      throw PathRejectedException.because(
          location, "no mount named '" + name + "', mounts: " + mounts.keySet());
    }
    return new Target(name, fs, location.substring(i + SEPARATOR.length()));
  }

  @Override
  public boolean fileExists(String path) {
    Target t = route(path);
    return t.fs.fileExists(t.path);
  }

  @Override
  public boolean directoryExists(String path) {
    Target t = route(path);
    return t.fs.directoryExists(t.path);
  }

  @Override
  public boolean exists(String path) {
    Target t = route(path);
    return t.fs.exists(t.path);
  }

  @Override
  public byte[] read(String path) {
    Target t = route(path);
    return t.fs.read(t.path);
  }

  @Override
  public InputStream readStream(String path, @Nullable ByteRange range) {
    Target t = route(path);
    return t.fs.readStream(t.path, range);
  }

  @Override
  public FileAttributes write(String path, byte[] data, WriteOptions options) {
    Target t = route(path);
    return t.fs.write(t.path, data, options);
  }

  @Override
  public FileAttributes write(String path, InputStream source, WriteOptions options) {
    Target t = route(path);
    return t.fs.write(t.path, source, options);
  }

  @Override
  public FileAttributes write(String path, InputStream source, long length, WriteOptions options) {
    Target t = route(path);
    return t.fs.write(t.path, source, length, options);
  }

  @Override
  public FileAttributes write(String path, Path source, WriteOptions options) {
    Target t = route(path);
    return t.fs.write(t.path, source, options);
  }

  @Override
  public UploadStream openOutputStream(String path, WriteOptions options) {
    Target t = route(path);
    return t.fs.openOutputStream(t.path, options);
  }

  @Override
  public FileAttributes stat(String path) {
    Target t = route(path);
    return t.fs.stat(t.path);
  }

  @Override
  public String mimeType(String path) {
    Target t = route(path);
    return t.fs.mimeType(t.path);
  }

  @Override
  public @Nullable Visibility visibility(String path) {
    Target t = route(path);
    return t.fs.visibility(t.path);
  }

  @Override
  public DirectoryListing list(String path, boolean deep) {
    Target t = route(path);
    DirectoryListing inner = t.fs.list(t.path, deep);
    Iterator<StorageAttributes> entries = inner.iterator();
    String prefix = t.name + SEPARATOR;
    Iterator<StorageAttributes> prefixed =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public StorageAttributes next() {
            StorageAttributes e = entries.next();
            return e instanceof FileAttributes
                ? ((FileAttributes) e).withPath(prefix + e.path())
                : ((DirectoryAttributes) e).withPath(prefix + e.path());
          }
        };
    return DirectoryListing.of(prefixed, inner);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    Target t = route(path);
    t.fs.createDirectory(t.path, visibility);
  }

  @Override
  public void deleteDirectory(String path) {
    Target t = route(path);
    t.fs.deleteDirectory(t.path);
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    Target s = route(source);
    Target d = route(destination);
    if (s.name.equals(d.name)) {
      return s.fs.copy(s.path, d.path, options);
    }
    return crossCopy(Operation.COPY, source, destination, s, d, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    Target s = route(source);
    Target d = route(destination);
    if (s.name.equals(d.name)) {
      return s.fs.move(s.path, d.path, options);
    }
    FileAttributes copied = crossCopy(Operation.MOVE, source, destination, s, d, options);
    try {
      s.fs.delete(s.path);
    } catch (StorageException e) {
      throw StorageException.of(
          Operation.MOVE,
          source,
          destination,
          e.kind(),
          "copied, but deleting the source failed; the destination is kept",
          null,
          e);
    }
    return copied;
  }

  /** Streams a file from one mount to another, carrying what the destination can store. */
  private FileAttributes crossCopy(
      Operation op, String source, String destination, Target s, Target d, WriteOptions options) {
    Objects.requireNonNull(options, "options");
    try {
      FileAttributes a = s.fs.stat(s.path);
      WriteOptions carried = MountCapabilities.carry(a, options, d.fs.capabilities());
      try (InputStream in = s.fs.readStream(s.path)) {
        return d.fs.write(d.path, in, a.size(), carried);
      }
    } catch (StorageException e) {
      throw e.operation() == op ? e : e.as(op, source, destination);
    } catch (IOException e) {
      throw StorageException.of(
          op,
          source,
          destination,
          StorageException.Kind.UNAVAILABLE,
          e.getClass().getSimpleName(),
          null,
          e);
    }
  }

  @Override
  public void delete(String path) {
    Target t = route(path);
    t.fs.delete(t.path);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    Target t = route(path);
    t.fs.setVisibility(t.path, visibility);
  }

  @Override
  public Checksum checksum(String path) {
    Target t = route(path);
    return t.fs.checksum(t.path);
  }

  @Override
  public Checksum checksum(String path, ChecksumAlgorithm algorithm) {
    Target t = route(path);
    return t.fs.checksum(t.path, algorithm);
  }

  @Override
  public Checksum checksum(String path, String algorithm) {
    Target t = route(path);
    return t.fs.checksum(t.path, algorithm);
  }

  @Override
  public URI publicUrl(String path) {
    Target t = route(path);
    return t.fs.publicUrl(t.path);
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    Target t = route(path);
    return t.fs.temporaryUrl(t.path, ttl);
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    Target t = route(path);
    return t.fs.prepareUpload(t.path, ttl, constraints);
  }

  /** Returns a view of one mount rooted at the directory of {@code name://directory}. */
  @Override
  public Filesystem at(String directory) {
    Target t = route(directory);
    return t.fs.at(t.path);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (Filesystem fs : mounts.values()) {
      try {
        fs.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "MountManager" + mounts.keySet();
  }

  /** Builds a {@link MountManager}. */
  public static final class Builder {
    private final Map<String, Filesystem> mounts = new LinkedHashMap<>();

    private Builder() {}

    /** Mounts {@code fs} as {@code name} (letters, digits, {@code . _ + -}); names are unique. */
    public Builder mount(String name, Filesystem fs) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(fs, "fs");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "mount name '" + name + "' must use only letters, digits, . _ + -");
      }
      if (mounts.putIfAbsent(name, fs) != null) {
        throw new IllegalArgumentException("mount '" + name + "' was already added");
      }
      return this;
    }

    /** Returns the manager; at least one mount is needed. */
    public MountManager build() {
      if (mounts.isEmpty()) {
        throw new IllegalStateException("mount at least one filesystem");
      }
      return new MountManager(mounts);
    }
  }
}
