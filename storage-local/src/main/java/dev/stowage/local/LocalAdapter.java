package dev.stowage.local;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.WriteSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FilesystemAdapter} over a directory of the local disk (java.nio).
 *
 * <pre>{@code
 * Filesystem fs = Filesystem.of(LocalAdapter.of(Path.of("/srv/data")));
 * fs.write("reports/2026.csv", bytes);          // atomic: readers see the old file or the new one
 * }</pre>
 *
 * <p><b>Confinement.</b> Every path stays below the root, and symbolic links inside the root are
 * never followed, for any operation; {@link SymlinkPolicy} decides whether they are invisible
 * (default) or refused.
 *
 * <p><b>Writes</b> go to a hidden temporary file in the target directory
 * ({@code .stowage-*.tmp}, never listed, names reserved), are forced to disk when
 * {@link LocalConfig#fsync()} is on, and are renamed over the target in one atomic step. A
 * failure at any point (the source stream throws, ends early, the thread is interrupted, the disk
 * is full) deletes the temporary file: neither a partial target nor a temporary file remains.
 * Missing parent directories are created. Create-only writes publish with a hard link, which
 * fails atomically with ALREADY_EXISTS when the target exists.
 *
 * <p><b>Directories</b> are real: deleting the last file keeps its directory,
 * {@code createDirectory} is idempotent, {@code deleteDirectory} is recursive and succeeds when
 * the directory is missing, and {@code delete} of a directory fails with IS_A_DIRECTORY. A file
 * where a directory exists fails with IS_A_DIRECTORY; below a file, with PRECONDITION_FAILED.
 *
 * <p><b>Capabilities.</b> Always: writes, create-only, ranges (a start past the end fails with
 * RANGE_NOT_SATISFIABLE), last-modified times, in-adapter copy. Per-file visibility (POSIX
 * permission bits, see {@link LocalConfig#filePermissions}) only on POSIX filesystems. Content
 * type, cache control, content disposition, content encoding and user metadata only where
 * {@code user.*} extended attributes work, which is probed once when the adapter is built.
 * Public URLs only with {@link LocalConfig#publicUrlBase()}. No ETags, versions, native
 * checksums (the facade streams them), temporary URLs or upload tickets. Listings are lazy and
 * unsorted.
 *
 * <p>Thread-safe.
 */
public final class LocalAdapter implements FilesystemAdapter {

  private final LocalConfig config;
  private final LocalPaths paths;
  private final LocalPermissions permissions;
  private final LocalMetadata metadata;
  private final AtomicFiles files;
  private final Capabilities capabilities;

  private LocalAdapter(LocalConfig config, Path root, boolean posix, boolean xattrs) {
    this.config = config;
    this.paths = new LocalPaths(root, config.symlinkPolicy(), posix);
    this.permissions = new LocalPermissions(config, posix);
    this.metadata = new LocalMetadata(xattrs);
    this.files = new AtomicFiles(paths, permissions, metadata, config);
    this.capabilities = capabilitiesOf(config, root, posix, xattrs);
  }

  /**
   * Returns an adapter for {@code config}: creates the root if it is missing and allowed,
   * resolves it once through any links, and probes for POSIX permissions and extended attributes.
   *
   * @throws IllegalArgumentException when the root is missing (and may not be created) or is
   *     not a directory
   * @throws BackendException when creating the root fails
   */
  public static LocalAdapter of(LocalConfig config) {
    Path root = prepareRoot(config);
    boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    boolean xattrs = config.extendedAttributes() && LocalMetadata.probe(root);
    return new LocalAdapter(config, root, posix, xattrs);
  }

  /** Returns an adapter with every default for {@code root}; see {@link #of(LocalConfig)}. */
  public static LocalAdapter of(Path root) {
    return of(LocalConfig.of(root));
  }

  /** Returns an adapter as if the platform had (or lacked) these features; for tests. */
  static LocalAdapter withFeatures(LocalConfig config, boolean posix, boolean xattrs) {
    return new LocalAdapter(config, prepareRoot(config), posix, xattrs);
  }

  private static Path prepareRoot(LocalConfig config) {
    Path root = config.root();
    try {
      if (!Files.isDirectory(root)) {
        if (Files.exists(root) || Files.isSymbolicLink(root)) {
          throw new IllegalArgumentException("the root is not a directory: " + root);
        }
        if (!config.createRoot()) {
          throw new IllegalArgumentException(
              "the root does not exist and createRoot is off: " + root);
        }
        Files.createDirectories(root);
      }
      return root.toRealPath();
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }

  private static Capabilities capabilitiesOf(
      LocalConfig config, Path root, boolean posix, boolean xattrs) {
    Capabilities.Builder b =
        Capabilities.builder()
            .add(
                Capability.WRITE,
                Capability.CREATE_ONLY,
                Capability.RANGE_READ,
                Capability.RANGE_NOT_SATISFIABLE,
                Capability.LAST_MODIFIED,
                Capability.SERVER_SIDE_COPY)
            // PATH_MAX (4096 with its NUL) must hold root + "/" + path, and a temporary name
            // (up to 29 bytes) beside the last segment.
            .maxPathBytes(
                Math.max(1, 4064 - root.toString().getBytes(StandardCharsets.UTF_8).length))
            .maxSegmentBytes(255);
    if (posix) {
      b.add(Capability.VISIBILITY_PER_OBJECT);
    }
    if (xattrs) {
      b.add(
          Capability.CONTENT_TYPE,
          Capability.CACHE_CONTROL,
          Capability.CONTENT_DISPOSITION,
          Capability.CONTENT_ENCODING,
          Capability.USER_METADATA);
    }
    if (config.publicUrlBase().isPresent()) {
      b.add(Capability.PUBLIC_URL);
    }
    return b.build();
  }

  /** Returns the configuration this adapter was built from. */
  public LocalConfig config() {
    return config;
  }

  /** Returns the root directory as resolved when the adapter was built. */
  public Path root() {
    return paths.root();
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public boolean fileExists(String path) {
    return !path.isEmpty() && paths.locate(path).isFile();
  }

  @Override
  public boolean directoryExists(String path) {
    return paths.locate(path).isDirectory();
  }

  @Override
  public InputStream read(String path, @Nullable ByteRange range) {
    SeekableByteChannel channel = openFile(path);
    try {
      long size = channel.size();
      if (range == null) {
        return FileReadStream.whole(channel, size);
      }
      ByteRange.Resolved r = range.resolve(size);
      if (r == null) {
        channel.close();
        throw LocalErrors.failure(
            Kind.RANGE_NOT_SATISFIABLE,
            range.httpHeader() + " starts at or past the end of " + size + " bytes");
      }
      return FileReadStream.range(channel, r.start(), r.endExclusive());
    } catch (IOException e) {
      LocalPaths.closeQuietly(channel);
      throw LocalErrors.io(e);
    }
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    Visibility visibility = options.visibility() != null ? options.visibility() : Visibility.PUBLIC;
    StoredMetadata stored = StoredMetadata.of(options);
    files.write(
        path,
        Contents.of(source),
        config.filePermissions(visibility),
        stored,
        options.createOnly());
    return describe(path);
  }

  @Override
  public FileAttributes stat(String path) {
    Located at = existingFile(path);
    return attributes(path, at.file(), at.fileAttributes());
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    if (!paths.locate(path).isDirectory()) {
      return Collections.emptyIterator();
    }
    return new LocalListing(paths, permissions, path, deep);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    AtomicFiles.rejectReserved(path);
    Located at = paths.locate(path);
    if (at.isDirectory()) {
      return;
    }
    if (at.isFile()) {
      throw LocalErrors.failure(Kind.ALREADY_EXISTS, "a file exists at '" + path + "'");
    }
    Visibility v = visibility != null ? visibility : config.directoryVisibility();
    // Checks the way down again (links, files) while it creates what is missing.
    files.ensureDirectories(path, config.directoryPermissions(v));
  }

  @Override
  public void deleteDirectory(String path) {
    if (path.isEmpty()) {
      throw LocalErrors.failure(Kind.INVALID_INPUT, "refusing to delete the root");
    }
    if (!paths.locate(path).isDirectory()) {
      return;
    }
    TreeDeleter deleter = new TreeDeleter();
    if (config.symlinkPolicy() == SymlinkPolicy.REFUSE) {
      try (OpenDirectory tree = paths.openDirectory(path)) {
        String link = tree == null ? null : deleter.findLink(tree, path);
        if (link != null) {
          throw deleter.refused(link);
        }
      } catch (IOException e) {
        throw LocalErrors.io(e);
      }
    }
    try (OpenDirectory parent = paths.openDirectory(LocalPaths.parentOf(path))) {
      if (parent != null) {
        deleter.delete(parent, fileName(path));
      }
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    copyFile(source, existingFile(source), destination, options);
    return describe(destination);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    Located from = existingFile(source);
    int mode = options.visibility() != null ? config.filePermissions(options.visibility()) : -1;
    StoredMetadata stored =
        options.hasContentMetadata() ? storedMetadata(from.file()).overriddenBy(options) : null;
    if (!files.rename(from.file(), destination, mode, stored, options.createOnly())) {
      // Another filesystem is mounted inside the root: copy, then delete the source.
      copyFile(source, from, destination, options);
      try {
        Files.deleteIfExists(from.file());
      } catch (IOException e) {
        throw LocalErrors.io(e);
      }
    }
    return describe(destination);
  }

  @Override
  public void delete(String path) {
    Located at = paths.locate(path);
    if (at.isDirectory()) {
      throw LocalErrors.failure(
          Kind.IS_A_DIRECTORY, "'" + path + "' is a directory; use deleteDirectory");
    }
    if (!at.isFile()) {
      return;
    }
    try (OpenDirectory parent = paths.openDirectory(LocalPaths.parentOf(path))) {
      if (parent != null) {
        parent.deleteFile(fileName(path));
      }
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    if (!permissions.posix()) {
      throw LocalErrors.failure(Kind.UNSUPPORTED, "the filesystem has no POSIX permissions");
    }
    Located at = existingFile(path);
    try {
      permissions.applyToFile(at.file(), visibility);
    } catch (NoSuchFileException e) {
      throw LocalErrors.failure(Kind.NOT_FOUND, "no file at '" + path + "'");
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }

  @Override
  public URI publicUrl(String path) {
    URI base =
        config
            .publicUrlBase()
            .orElseThrow(
                () -> LocalErrors.failure(Kind.UNSUPPORTED, "no publicUrlBase is configured"));
    paths.resolve(path);
    return URI.create(base + PercentEncoding.encodePath(path));
  }

  @Override
  public String toString() {
    return "LocalAdapter[root=" + paths.root() + ", symlinks=" + config.symlinkPolicy() + "]";
  }

  // ---- helpers ----

  /** Locates an existing regular file or fails with IS_A_DIRECTORY or NOT_FOUND. */
  private Located existingFile(String path) {
    Located at = paths.locate(path);
    if (at.isDirectory()) {
      throw LocalErrors.failure(Kind.IS_A_DIRECTORY, "'" + path + "' is a directory");
    }
    if (!at.isFile()) {
      throw LocalErrors.failure(Kind.NOT_FOUND, "no file at '" + path + "'");
    }
    return at;
  }

  /** Copies an existing file: options that are set replace the source's values. */
  private void copyFile(String source, Located from, String destination, WriteOptions options) {
    StoredMetadata stored = storedMetadata(from.file()).overriddenBy(options);
    int mode =
        options.visibility() != null
            ? config.filePermissions(options.visibility())
            : permissions.modeOf(from.fileAttributes());
    SeekableByteChannel in = openFile(source);
    try {
      files.write(destination, Contents.copyOf(in), mode, stored, options.createOnly());
    } finally {
      LocalPaths.closeQuietly(in);
    }
  }

  /** Opens an existing file for reading, relative to its verified parent directory. */
  private SeekableByteChannel openFile(String path) {
    existingFile(path);
    try (OpenDirectory parent = paths.openDirectory(LocalPaths.parentOf(path))) {
      if (parent == null) {
        throw LocalErrors.failure(Kind.NOT_FOUND, "no file at '" + path + "'");
      }
      return parent.read(fileName(path));
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }

  /** Returns the attributes of the file just written at {@code path}. */
  private FileAttributes describe(String path) {
    Path file = paths.resolve(path);
    BasicFileAttributes a = paths.attributesOrNull(file);
    if (a == null || !a.isRegularFile()) {
      throw LocalErrors.failure(Kind.UNAVAILABLE, "the file was replaced or deleted concurrently");
    }
    return attributes(path, file, a);
  }

  private FileAttributes attributes(String path, Path file, BasicFileAttributes a) {
    StoredMetadata m = storedMetadata(file);
    return FileAttributes.builder(path, a.size())
        .lastModified(a.lastModifiedTime().toInstant())
        .contentType(m.contentType())
        .visibility(permissions.visibilityOf(a, false))
        .userMetadata(m.userMetadata())
        .cacheControl(m.cacheControl())
        .contentDisposition(m.contentDisposition())
        .contentEncoding(m.contentEncoding())
        .build();
  }

  private StoredMetadata storedMetadata(Path file) {
    try {
      return metadata.read(file);
    } catch (IOException e) {
      throw LocalErrors.io(e);
    }
  }

  private Path fileName(String path) {
    return paths.root().getFileSystem().getPath(path.substring(path.lastIndexOf('/') + 1));
  }
}
