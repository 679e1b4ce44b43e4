package dev.stowage.tck;

import dev.stowage.ByteRange;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageAttributes;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Counts the calls that reach an adapter (everything but {@code capabilities()} and
 * {@code close()}), so that the kit can tell whether a refused call was refused before any I/O.
 * Fixtures get one through {@link FilesystemContract#countingCalls}.
 */
final class CountingAdapter extends ForwardingAdapter {

  private final AtomicLong calls = new AtomicLong();

  CountingAdapter(FilesystemAdapter delegate) {
    super(delegate);
  }

  /** Returns how many calls reached the adapter so far. */
  long calls() {
    return calls.get();
  }

  @Override
  public boolean fileExists(String path) {
    calls.incrementAndGet();
    return super.fileExists(path);
  }

  @Override
  public boolean directoryExists(String path) {
    calls.incrementAndGet();
    return super.directoryExists(path);
  }

  @Override
  public InputStream read(String path, @Nullable ByteRange range) {
    calls.incrementAndGet();
    return super.read(path, range);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    calls.incrementAndGet();
    return super.write(path, source, options);
  }

  @Override
  public FileAttributes stat(String path) {
    calls.incrementAndGet();
    return super.stat(path);
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    calls.incrementAndGet();
    return super.list(path, deep);
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    calls.incrementAndGet();
    super.createDirectory(path, visibility);
  }

  @Override
  public void deleteDirectory(String path) {
    calls.incrementAndGet();
    super.deleteDirectory(path);
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    calls.incrementAndGet();
    return super.copy(source, destination, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    calls.incrementAndGet();
    return super.move(source, destination, options);
  }

  @Override
  public void delete(String path) {
    calls.incrementAndGet();
    super.delete(path);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    calls.incrementAndGet();
    super.setVisibility(path, visibility);
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    calls.incrementAndGet();
    return super.checksum(path, algorithm);
  }

  @Override
  public URI publicUrl(String path) {
    calls.incrementAndGet();
    return super.publicUrl(path);
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    calls.incrementAndGet();
    return super.temporaryUrl(path, ttl);
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    calls.incrementAndGet();
    return super.prepareUpload(path, ttl, constraints);
  }
}
