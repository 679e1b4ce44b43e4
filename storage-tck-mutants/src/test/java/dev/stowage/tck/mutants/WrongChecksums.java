package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.spi.Checksums;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import java.util.Optional;

/**
 * Mutant "reports a wrong checksum": declares every algorithm as native, so the facade asks it
 * instead of streaming the file, and answers with a well-formed digest of other content (as a
 * backend that returns a stale or multipart value would).
 */
final class WrongChecksums extends ForwardingAdapter {

  WrongChecksums(FilesystemAdapter delegate) {
    super(delegate);
  }

  @Override
  public Capabilities capabilities() {
    return super.capabilities().toBuilder().nativeChecksums(ChecksumAlgorithm.values()).build();
  }

  @Override
  public Optional<Checksum> checksum(String path, ChecksumAlgorithm algorithm) {
    super.stat(path); // a missing file or a directory still fails as it should
    return Optional.of(Checksums.of(new byte[] {42}, algorithm));
  }
}
