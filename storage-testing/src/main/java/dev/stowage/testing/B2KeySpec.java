package dev.stowage.testing;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The declaration of one application key on a {@link B2EmulatorExtension}: the bucket it is
 * restricted to (if any), the name prefix inside that bucket (if any) and its capabilities.
 *
 * <pre>{@code
 * B2EmulatorExtension b2 = B2EmulatorExtension.builder()
 *     .bucket("assets")
 *     .key("uploader", k -> k.bucket("assets").prefix("uploads/")
 *         .capabilities("listBuckets", "listFiles", "readFiles", "writeFiles"))
 *     .perClass();
 * }</pre>
 *
 * <p>Without {@link #capabilities}, a key restricted to a bucket gets {@link #FILE_CAPABILITIES}
 * and an unrestricted key gets the same plus {@code listAllBucketNames}. The emulator applies
 * B2's rules when the key is created: a prefix needs a bucket, and a key restricted to a bucket
 * cannot hold account-level capabilities such as {@code writeBuckets}.
 */
public final class B2KeySpec {

  /** What a key may do with files and its bucket by default: list, read, share, write, delete. */
  public static final List<String> FILE_CAPABILITIES =
      List.of(
          "listBuckets",
          "readBuckets",
          "listFiles",
          "readFiles",
          "shareFiles",
          "writeFiles",
          "deleteFiles");

  private @Nullable String bucket;
  private @Nullable String prefix;
  private @Nullable List<String> capabilities;

  B2KeySpec() {}

  /** Restricts the key to the bucket with this name, which must be declared on the extension. */
  public B2KeySpec bucket(String bucket) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must be a non-blank bucket name");
    }
    this.bucket = bucket;
    return this;
  }

  /** Restricts the key to names starting with {@code prefix} in its bucket. */
  public B2KeySpec prefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException(
          "prefix must be non-empty; leave it out for the whole bucket");
    }
    this.prefix = prefix;
    return this;
  }

  /** Sets the key's capabilities (B2's names, such as {@code readFiles}); replaces the default. */
  public B2KeySpec capabilities(String... capabilities) {
    Objects.requireNonNull(capabilities, "capabilities");
    if (capabilities.length == 0) {
      throw new IllegalArgumentException("capabilities must name at least one capability");
    }
    this.capabilities = List.of(capabilities);
    return this;
  }

  @Nullable String bucket() {
    return bucket;
  }

  @Nullable String prefix() {
    return prefix;
  }

  List<String> capabilitiesOrDefault() {
    if (capabilities != null) {
      return capabilities;
    }
    if (bucket != null) {
      return FILE_CAPABILITIES;
    }
    List<String> all = new java.util.ArrayList<>(FILE_CAPABILITIES);
    all.add("listAllBucketNames");
    return List.copyOf(all);
  }

  void check(String name, java.util.Set<String> declaredBuckets) {
    if (prefix != null && bucket == null) {
      throw new IllegalArgumentException(
          "key '" + name + "': a prefix needs a bucket (call bucket(...))");
    }
    if (bucket != null && !declaredBuckets.contains(bucket)) {
      throw new IllegalArgumentException(
          "key '"
              + name
              + "': bucket '"
              + bucket
              + "' is not declared on the extension; declared: "
              + declaredBuckets);
    }
  }
}
