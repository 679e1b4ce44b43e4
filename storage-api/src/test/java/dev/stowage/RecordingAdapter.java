package dev.stowage;

import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Records every I/O call (not {@code capabilities()}) made to the adapter it wraps, optionally
 * with other declared capabilities, so that tests can assert that nothing was sent.
 */
public final class RecordingAdapter extends ForwardingAdapter {

  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final Capabilities capabilities;

  public RecordingAdapter(FilesystemAdapter delegate) {
    this(delegate, delegate.capabilities());
  }

  public RecordingAdapter(FilesystemAdapter delegate, Capabilities capabilities) {
    super(delegate);
    this.capabilities = capabilities;
  }

  /** Returns the calls so far, as {@code "operation path"}. */
  public List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public void clear() {
    calls.clear();
  }

  private void record(String operation, String path) {
    calls.add(operation + " " + path);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public boolean fileExists(String path) {
    record("fileExists", path);
    return super.fileExists(path);
  }

  @Override
  public boolean directoryExists(String path) {
    record("directoryExists", path);
    return super.directoryExists(path);
  }

  @Override
  public InputStream read(String path, ByteRange range) {
    record("read", path);
    return super.read(path, range);
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    record("write", path);
    return super.write(path, source, options);
  }

  @Override
  public FileAttributes stat(String path) {
    record("stat", path);
    return super.stat(path);
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    record("list", path);
    return super.list(path, deep);
  }

  @Override
  public void createDirectory(String path, Visibility visibility) {
    record("createDirectory", path);
    super.createDirectory(path, visibility);
  }

  @Override
  public void deleteDirectory(String path) {
    record("deleteDirectory", path);
    super.deleteDirectory(path);
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    record("copy", source);
    return super.copy(source, destination, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    record("move", source);
    return super.move(source, destination, options);
  }

  @Override
  public void delete(String path) {
    record("delete", path);
    super.delete(path);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    record("setVisibility", path);
    super.setVisibility(path, visibility);
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    record("checksum", path);
    return super.checksum(path, algorithm);
  }

  @Override
  public URI publicUrl(String path) {
    record("publicUrl", path);
    return super.publicUrl(path);
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    record("temporaryUrl", path);
    return super.temporaryUrl(path, ttl);
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    record("prepareUpload", path);
    return super.prepareUpload(path, ttl, constraints);
  }
}
