package dev.stowage.b2;

import dev.stowage.StorageException;
import dev.stowage.Visibility;
import dev.stowage.b2.client.B2Allowed;
import dev.stowage.b2.client.B2Authorization;
import dev.stowage.b2.client.B2Bucket;
import dev.stowage.b2.client.B2Client;
import dev.stowage.spi.BackendException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The adapter's bucket (looked up once, lazily) and the mapping between adapter paths and B2 file
 * names under the configured root prefix.
 */
final class BucketRef {
  private final B2Client client;
  private final String name;
  private final String root;
  private volatile @Nullable B2Bucket bucket;

  BucketRef(B2Client client, String name, String prefix) {
    this.client = client;
    this.name = name;
    this.root = prefix.isEmpty() ? "" : prefix + "/";
  }

  String name() {
    return name;
  }

  /** Returns the bucket, looking it up at the first call; a missing bucket fails with NOT_FOUND. */
  B2Bucket bucket() {
    B2Bucket b = bucket;
    if (b == null) {
      synchronized (this) {
        if (bucket == null) {
          bucket = lookUp();
        }
        b = bucket;
      }
    }
    return b;
  }

  /** Returns the bucket if it has been looked up, else null (no network call). */
  @Nullable B2Bucket cached() {
    return bucket;
  }

  String id() {
    return bucket().bucketId();
  }

  /** Returns the bucket-level visibility: PUBLIC for {@code allPublic}, else PRIVATE. */
  Visibility visibility() {
    return bucket().isPublic() ? Visibility.PUBLIC : Visibility.PRIVATE;
  }

  private B2Bucket lookUp() {
    B2Authorization auth = client.authorization();
    B2Allowed allowed = auth.allowed();
    if (allowed.bucketId() != null && !name.equals(allowed.bucketName())) {
      throw BackendException.of(
          StorageException.Kind.PERMISSION_DENIED,
          "the application key is restricted to another bucket");
    }
    if (allowed.bucketId() != null && !allowed.has("listBuckets")) {
      // A narrow key may not list buckets; it still names its bucket. Its type is then unknown:
      // report it as private, which is the safe answer.
      return new B2Bucket(
          auth.accountId(),
          allowed.bucketId(),
          name,
          "allPrivate",
          Map.of(),
          List.of(),
          List.of(),
          List.of(),
          0);
    }
    List<B2Bucket> found = client.listBuckets(allowed.bucketId(), name);
    if (found.isEmpty()) {
      throw BackendException.of(
          StorageException.Kind.BUCKET_NOT_FOUND,
          "no bucket named " + name + " is visible to this key");
    }
    return found.get(0);
  }

  /** Returns the B2 file name of an adapter path. */
  String fileName(String path) {
    return root + path;
  }

  /** Returns the name prefix of everything below an adapter directory ({@code ""}: the root). */
  String directoryPrefix(String path) {
    return path.isEmpty() ? root : root + path + "/";
  }

  /** Returns the adapter path of a B2 file name under the root. */
  String path(String fileName) {
    return fileName.substring(root.length());
  }

  /**
   * Returns where a listing of {@code wanted} must start so that it stays inside the key's name
   * prefix: the key's prefix when it lies below {@code wanted}, else {@code wanted} itself.
   */
  String clampToKey(String wanted) {
    String keyPrefix = client.authorization().allowed().namePrefix();
    if (keyPrefix != null && keyPrefix.length() > wanted.length() && keyPrefix.startsWith(wanted)) {
      return keyPrefix;
    }
    return wanted;
  }
}
