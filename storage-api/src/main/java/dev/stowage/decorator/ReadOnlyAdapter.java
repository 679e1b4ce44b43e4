package dev.stowage.decorator;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Makes an adapter read-only: its capabilities lose {@link Capability#WRITE},
 * {@link Capability#CREATE_ONLY} and {@link Capability#PREPARE_UPLOAD}, so the
 * {@link dev.stowage.Filesystem} facade refuses every mutator with UNSUPPORTED before any I/O.
 * Reads, listings, checksums and URLs pass through. Called directly, its mutators fail the same
 * way.
 *
 * <pre>{@code
 * Filesystem archive = Filesystem.of(new ReadOnlyAdapter(adapter));
 * archive.read("2024/report.pdf");        // fine
 * archive.delete("2024/report.pdf");      // DeleteFailedException, kind UNSUPPORTED
 * }</pre>
 */
public final class ReadOnlyAdapter extends ForwardingAdapter {

  private final Capabilities capabilities;

  /** Returns a read-only view of {@code delegate}. */
  public ReadOnlyAdapter(FilesystemAdapter delegate) {
    super(delegate);
    this.capabilities =
        delegate
            .capabilities()
            .without(Capability.WRITE, Capability.CREATE_ONLY, Capability.PREPARE_UPLOAD);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    throw refused();
  }

  @Override
  public void createDirectory(String path, @Nullable Visibility visibility) {
    throw refused();
  }

  @Override
  public void deleteDirectory(String path) {
    throw refused();
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    throw refused();
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    throw refused();
  }

  @Override
  public void delete(String path) {
    throw refused();
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    throw refused();
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    throw refused();
  }

  private static BackendException refused() {
    return BackendException.of(StorageException.Kind.UNSUPPORTED, "read-only");
  }
}
