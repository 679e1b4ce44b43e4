package dev.stowage.spi;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.DirectoryAttributes;
import dev.stowage.FileAttributes;
import dev.stowage.PathNormalizer;
import dev.stowage.StorageAttributes;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Confines every path below a prefix of the delegate, like a chroot: {@code a/b} becomes
 * {@code prefix/a/b}, results and listings come back relative to the prefix (failures name no
 * path: the facade names the caller's), and no path can climb out ({@code ..} above the view's
 * root is rejected).
 *
 * <pre>{@code
 * Filesystem tenant = Filesystem.of(new PrefixedAdapter(bucketAdapter, "tenants/42"));
 * tenant.write("avatar.png", bytes);                  // stored as tenants/42/avatar.png
 * }</pre>
 *
 * <p>{@link dev.stowage.Filesystem#at} builds the same view. The path limits it declares are the
 * delegate's minus the prefix. Thread-safe when the delegate is.
 */
public final class PrefixedAdapter extends ForwardingAdapter {

  private final String prefix;
  private final String prefixSlash;
  private final Capabilities capabilities;

  /**
   * Returns a view of {@code delegate} below {@code prefix} (normalised; must not be the root).
   *
   * @throws IllegalArgumentException when {@code prefix} normalises to the root
   */
  public PrefixedAdapter(FilesystemAdapter delegate, String prefix) {
    super(delegate);
    this.prefix = PathNormalizer.normalize(prefix);
    if (this.prefix.isEmpty()) {
      throw new IllegalArgumentException("the prefix must not be the root");
    }
    this.prefixSlash = this.prefix + "/";
    Capabilities c = delegate.capabilities();
    int used = PathNormalizer.utf8Length(prefixSlash);
    this.capabilities = c.toBuilder().maxPathBytes(Math.max(1, c.maxPathBytes() - used)).build();
  }

  /** Returns the normalised prefix. */
  public String prefix() {
    return prefix;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public boolean fileExists(String path) {
    String full = full(path);
    return delegate().fileExists(full);
  }

  @Override
  public boolean directoryExists(String path) {
    String full = full(path);
    return PathNormalizer.normalize(path).isEmpty() || delegate().directoryExists(full);
  }

  @Override
  public InputStream read(String path, @Nullable ByteRange range) {
    String full = full(path);
    return delegate().read(full, range);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    String full = full(path);
    return delegate().write(full, source, options).withPath(relative(full));
  }

  @Override
  public FileAttributes stat(String path) {
    String full = full(path);
    return delegate().stat(full).withPath(relative(full));
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    String full = full(path);
    Iterator<StorageAttributes> entries = delegate().list(full, deep);
    return new Stripping(entries);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    String full = full(path);
    delegate().createDirectory(full, visibility);
  }

  @Override
  public void deleteDirectory(String path) {
    String full = full(path);
    delegate().deleteDirectory(full);
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    String s = full(source);
    String d = full(destination);
    return delegate().copy(s, d, options).withPath(relative(d));
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    String s = full(source);
    String d = full(destination);
    return delegate().move(s, d, options).withPath(relative(d));
  }

  @Override
  public void delete(String path) {
    String full = full(path);
    delegate().delete(full);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    String full = full(path);
    delegate().setVisibility(full, visibility);
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    String full = full(path);
    return delegate().checksum(full, algorithm);
  }

  @Override
  public URI publicUrl(String path) {
    String full = full(path);
    return delegate().publicUrl(full);
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    String full = full(path);
    return delegate().temporaryUrl(full, ttl);
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    String full = full(path);
    UploadTicket t = delegate().prepareUpload(full, ttl, constraints);
    return new UploadTicket(
        relative(t.path()), t.method(), t.url(), t.headers(), t.expiresAt(), t.scope());
  }

  @Override
  public String toString() {
    return "PrefixedAdapter[" + prefix + ", " + delegate() + "]";
  }

  /** Returns the delegate's path for a path of this view; {@code ..} cannot climb out. */
  private String full(String path) {
    String p = PathNormalizer.normalize(path);
    return p.isEmpty() ? prefix : prefixSlash + p;
  }

  /** Returns this view's path for a delegate path, or the path unchanged if it is outside. */
  private String relative(String delegatePath) {
    if (delegatePath.equals(prefix)) {
      return "";
    }
    return delegatePath.startsWith(prefixSlash)
        ? delegatePath.substring(prefixSlash.length())
        : delegatePath;
  }

  /** Strips the prefix from listing entries and skips anything outside it. */
  private final class Stripping implements Iterator<StorageAttributes>, AutoCloseable {
    private final Iterator<StorageAttributes> entries;
    private @Nullable StorageAttributes next;

    Stripping(Iterator<StorageAttributes> entries) {
      this.entries = entries;
    }

    @Override
    public boolean hasNext() {
      while (next == null && entries.hasNext()) {
        StorageAttributes e = entries.next();
        if (e.path().startsWith(prefixSlash)) {
          String p = e.path().substring(prefixSlash.length());
          next =
              e instanceof FileAttributes
                  ? ((FileAttributes) e).withPath(p)
                  : ((DirectoryAttributes) e).withPath(p);
        }
      }
      return next != null;
    }

    @Override
    public StorageAttributes next() {
      StorageAttributes result = hasNext() ? next : null;
      if (result == null) {
        throw new NoSuchElementException();
      }
      next = null;
      return result;
    }

    @Override
    public void close() throws Exception {
      if (entries instanceof AutoCloseable) {
        ((AutoCloseable) entries).close();
      }
    }
  }
}
