package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import dev.stowage.b2.emulator.EmulatorStore.KeyView;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.BlobStoreLocator;
import org.jspecify.annotations.Nullable;

/**
 * Finds the application key behind a SigV4 access key id and hands S3Proxy its secret (to check the signature) and
 * a store seen through that key. Unknown, expired and master keys get no grant, which S3Proxy answers with 403
 * {@code InvalidAccessKeyId}: B2's S3 API does not take the master key.
 */
final class KeyLocator implements BlobStoreLocator {
  private final EmulatorStore store;
  private final ChecksumHeaders checksums;

  KeyLocator(EmulatorStore store, ChecksumHeaders checksums) {
    this.store = store;
    this.checksums = checksums;
  }

  @Override
  public @Nullable AccessGrant locateBlobStore(
      @Nullable String identity, String container, String blob) {
    if (identity == null) {
      return AccessGrant.anonymous(new EmulatorBlobStore(store, null, checksums));
    }
    KeyView key = store.key(identity);
    if (key == null || key.master() || key.expired()) {
      return null;
    }
    return new AccessGrant(key.secret(), new EmulatorBlobStore(store, key, checksums));
  }
}
