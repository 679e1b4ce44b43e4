package dev.stowage.setup;

import java.util.Objects;

/**
 * One problem found in a {@link BucketSpec}: where ({@code corsRules[1].maxAgeSeconds}) and why.
 *
 * @param path the field path inside the spec, using the spec file's field names and zero-based indexes
 * @param reason what is wrong, naming the rule that was broken
 */
public record Violation(String path, String reason) {

  /** Checks that both parts are present. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
