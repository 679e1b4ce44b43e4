package dev.stowage.setup;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the secrets file for new application keys cannot be written. Either it was found unusable before
 * any change was made (then nothing was changed), or writing it failed after keys were created (then those keys
 * were deleted again, so that no key exists whose secret is lost). The message names the file, the reason and
 * which of the two happened; it never contains a secret.
 */
public final class SecretsFileException extends SetupException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final List<String> deletedKeyIds;
  private final List<String> keptKeyIds;

  SecretsFileException(
      String message,
      Path file,
      List<String> deletedKeyIds,
      List<String> keptKeyIds,
      @Nullable Throwable cause) {
    super(message, 0, null, cause);
    this.file = file;
    this.deletedKeyIds = List.copyOf(deletedKeyIds);
    this.keptKeyIds = List.copyOf(keptKeyIds);
  }

  /** Returns the secrets file that could not be written. */
  public Path file() {
    return file;
  }

  /** Returns the ids of keys created by this run and deleted again because their secrets could not be saved. */
  public List<String> deletedKeyIds() {
    return deletedKeyIds;
  }

  /**
   * Returns the ids of keys created by this run whose secrets could not be saved and which could not be deleted
   * either (delete them by hand); empty in the normal case.
   */
  public List<String> keptKeyIds() {
    return keptKeyIds;
  }
}
