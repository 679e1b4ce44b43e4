package dev.stowage.spi;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An adapter that forwards every call to another; decorators extend it and override only what
 * they change (read-only, prefixing, caching, fault injection in tests).
 *
 * <pre>{@code
 * final class CountingAdapter extends ForwardingAdapter {
 *   final AtomicInteger writes = new AtomicInteger();
 *   CountingAdapter(FilesystemAdapter delegate) { super(delegate); }
 *   @Override public FileAttributes write(String path, WriteSource source, WriteOptions options) {
 *     writes.incrementAndGet();
 *     return super.write(path, source, options);
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #close()} closes the delegate.
 */
public abstract class ForwardingAdapter implements FilesystemAdapter {

  private final FilesystemAdapter delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingAdapter(FilesystemAdapter delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Returns the adapter calls are forwarded to. */
  protected FilesystemAdapter delegate() {
    return delegate;
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public boolean fileExists(String path) {
    return delegate.fileExists(path);
  }

  @Override
  public boolean directoryExists(String path) {
    return delegate.directoryExists(path);
  }

  @Override
  public InputStream read(String path, @Nullable ByteRange range) {
    return delegate.read(path, range);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    return delegate.write(path, source, options);
  }

  @Override
  public FileAttributes stat(String path) {
    return delegate.stat(path);
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    return delegate.list(path, deep);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    delegate.createDirectory(path, visibility);
  }

  @Override
  public void deleteDirectory(String path) {
    delegate.deleteDirectory(path);
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return delegate.copy(source, destination, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    return delegate.move(source, destination, options);
  }

  @Override
  public void delete(String path) {
    delegate.delete(path);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    delegate.setVisibility(path, visibility);
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    return delegate.checksum(path, algorithm);
  }

  @Override
  public URI publicUrl(String path) {
    return delegate.publicUrl(path);
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    return delegate.temporaryUrl(path, ttl);
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    return delegate.prepareUpload(path, ttl, constraints);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
