package dev.stowage.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code apply} did and what the user must note, the details the B2 console guide asks you to copy: bucket name,
 * bucket id, S3 endpoint URL, and the id and secret of each key created by this run.
 *
 * <p>{@link #toString()} never contains a secret; {@link CreatedKey#applicationKey()} is the only way to read one.
 *
 * @param service {@code b2} or {@code s3}
 * @param bucketName the bucket's name
 * @param bucketId the B2 bucket id, or null on the S3 path (S3 buckets have no id)
 * @param s3Endpoint the S3 endpoint URL for this account (B2: {@code s3ApiUrl} from authorization), or null when
 *     unknown
 * @param changes every change of the plan that was applied, including unchanged items and notes
 * @param createdKeys keys created by this run, with their secrets
 */
public record SetupResult(
    String service,
    String bucketName,
    @Nullable String bucketId,
    @Nullable String s3Endpoint,
    List<Change> changes,
    List<CreatedKey> createdKeys) {

  /** Copies the lists. */
  public SetupResult {
    changes = List.copyOf(changes);
    createdKeys = List.copyOf(createdKeys);
  }

  /** Returns the changes that modified something. */
  public List<Change> applied() {
    return changes.stream().filter(Change::mutates).toList();
  }

  /**
   * Writes the created keys to {@code file} as environment-style lines ({@code B2_APPLICATION_KEY_ID},
   * {@code B2_APPLICATION_KEY}, and the same values as {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
   * {@code AWS_ENDPOINT_URL} for S3 clients). The file is created readable and writable by its owner only (mode
   * 0600, set at creation, never widened); with several keys each variable name ends in {@code _KEYNAME}.
   *
   * @param overwrite replace an existing file; otherwise an existing file is an error and is left untouched
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and {@code overwrite} is false
   * @throws IllegalStateException if this run created no key
   * @throws IOException if the file cannot be written
   */
  public void writeSecrets(Path file, boolean overwrite) throws IOException {
    if (createdKeys.isEmpty()) {
      throw new IllegalStateException(
          "this run created no application key; there is no secret to write");
    }
    SecretsFile.write(file, this, overwrite);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("SetupResult[service=")
            .append(service)
            .append(", bucketName=")
            .append(bucketName)
            .append(", bucketId=")
            .append(bucketId)
            .append(", s3Endpoint=")
            .append(s3Endpoint)
            .append(", applied=")
            .append(applied().size())
            .append(", createdKeys=")
            .append(createdKeys)
            .append(']');
    return sb.toString();
  }
}
