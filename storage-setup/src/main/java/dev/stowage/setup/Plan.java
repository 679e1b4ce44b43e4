package dev.stowage.setup;

import java.util.List;
import java.util.Objects;

/**
 * The exact difference between a {@link BucketSpec} and what exists, as read by one {@code plan} call: one
 * {@link Change} per bucket setting, rule and key, including those that are already right. Immutable; hand it to
 * the {@code apply} of the setup that made it.
 *
 * <p>{@link #toString()} lists one change per line and contains no secrets.
 */
public final class Plan {
  private final String service;
  private final BucketSpec spec;
  private final List<Change> changes;
  private final Object draft;

  Plan(String service, BucketSpec spec, List<Change> changes, Object draft) {
    this.service = Objects.requireNonNull(service, "service");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.changes = List.copyOf(changes);
    this.draft = draft;
  }

  /** Returns {@code b2} or {@code s3}: the API the plan is for. */
  public String service() {
    return service;
  }

  /** Returns the spec this plan was made from. */
  public BucketSpec spec() {
    return spec;
  }

  /** Returns the bucket name. */
  public String bucketName() {
    return spec.name();
  }

  /** Returns every change, including unchanged items, key-exists notes and conflicts. */
  public List<Change> changes() {
    return changes;
  }

  /** Returns only the changes that modify something. */
  public List<Change> mutations() {
    return changes.stream().filter(Change::mutates).toList();
  }

  /** Returns the changes the spec asks for but this utility will not make (e.g. object lock on an old bucket). */
  public List<Change> conflicts() {
    return changes.stream().filter(c -> c.action() == Change.Action.CONFLICT).toList();
  }

  /** Returns true when applying the plan would modify something. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(Change::mutates);
  }

  /** Returns the backend's private snapshot (what was read, what to send). */
  Object draft() {
    return draft;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("plan for ")
            .append(service)
            .append(" bucket '")
            .append(spec.name())
            .append("': ");
    long n = mutations().size();
    sb.append(n == 0 ? "no changes" : n + (n == 1 ? " change" : " changes"));
    for (Change c : changes) {
      sb.append('\n').append("  ").append(c);
    }
    return sb.toString();
  }
}
