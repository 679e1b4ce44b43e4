package dev.stowage.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An application key the setup makes sure exists, identified by its name. By default the key is restricted to the
 * spec's bucket (and optionally to a file-name prefix); set {@code allBuckets} for an account-wide key.
 *
 * <p>A key whose name already exists counts as present: its secret cannot be read back, so the plan reports
 * "exists, secret not shown" and never recreates it. Keys are created only through the B2 native API; S3 clients
 * use them as access key id ({@code applicationKeyId}) and secret ({@code applicationKey}).
 *
 * @param keyName 1–100 letters, digits or {@code -} (required)
 * @param capabilities B2 capability names, e.g. {@code listFiles, readFiles, writeFiles, deleteFiles} (required)
 * @param namePrefix restricts the key to file names with this prefix; null for none (needs a bucket restriction)
 * @param validDurationInSeconds the key's lifetime; null for no expiry (1 .. 86,399,999)
 * @param allBuckets true for a key not restricted to the spec's bucket
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeySpec(
    String keyName,
    List<String> capabilities,
    @Nullable String namePrefix,
    @Nullable Long validDurationInSeconds,
    boolean allBuckets) {

  /** Capabilities a key needs to read, write, list and delete files, and to be used by S3 clients. */
  public static final List<String> READ_WRITE =
      List.of(
          "listBuckets",
          "listAllBucketNames",
          "listFiles",
          "readFiles",
          "writeFiles",
          "deleteFiles");

  /** Copies the capability list; null becomes empty. */
  public KeySpec {
    capabilities =
        capabilities == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(capabilities));
  }

  /** Returns a key restricted to the spec's bucket with the given capabilities and no prefix or expiry. */
  public static KeySpec of(String keyName, List<String> capabilities) {
    return new KeySpec(keyName, capabilities, null, null, false);
  }

  /** Returns a copy restricted to names starting with {@code prefix}. */
  public KeySpec withNamePrefix(String prefix) {
    return new KeySpec(keyName, capabilities, prefix, validDurationInSeconds, allBuckets);
  }

  /** Returns a short human description of the key. */
  String describe() {
    return "'"
        + keyName
        + "' "
        + capabilities
        + (allBuckets ? " (all buckets)" : "")
        + (namePrefix != null ? " prefix '" + namePrefix + "'" : "");
  }
}
