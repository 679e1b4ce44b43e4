package dev.stowage.setup;

import java.util.List;

/**
 * Thrown when a {@link BucketSpec} breaks the service's rules. It lists every violation found, so one run shows all
 * problems, and it is always thrown before any network call.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates the exception over a non-empty list of violations.
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public InvalidSpecException(List<Violation> violations) {
    super(message(violations));
    this.violations = List.copyOf(violations);
  }

  /** Returns a single-violation exception. */
  static InvalidSpecException of(String path, String reason) {
    return new InvalidSpecException(List.of(new Violation(path, reason)));
  }

  /** Returns every violation, in the order the spec lists the offending fields. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidSpecException needs at least one violation");
    }
    StringBuilder sb =
        new StringBuilder("invalid bucket spec (")
            .append(violations.size())
            .append(violations.size() == 1 ? " problem)" : " problems)");
    for (Violation v : violations) {
      sb.append("\n  ").append(v);
    }
    return sb.toString();
  }
}
