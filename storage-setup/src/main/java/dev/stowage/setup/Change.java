package dev.stowage.setup;

import java.util.Objects;

/**
 * One line of a {@link Plan}: what will be done to one part of the bucket, or why nothing will.
 *
 * @param action what kind of change
 * @param subject what it applies to: {@code bucket}, {@code corsRules['name']}, {@code lifecycleRules["prefix"]},
 *     {@code keys['name']}
 * @param detail a human description, e.g. {@code allPrivate -> allPublic}
 */
public record Change(Action action, String subject, String detail) {

  /** What a change does. */
  public enum Action {
    /** Creates the bucket with every setting of the spec. */
    CREATE_BUCKET(true, "+"),
    /** Changes the bucket type (visibility). */
    SET_BUCKET_TYPE(true, "~"),
    /** Changes the default server-side encryption. */
    SET_ENCRYPTION(true, "~"),
    /** Sets the default retention of new files (B2 Object Lock). */
    SET_RETENTION(true, "~"),
    /** Adds a CORS rule. */
    ADD_CORS_RULE(true, "+"),
    /** Replaces a CORS rule of the same name. */
    REPLACE_CORS_RULE(true, "~"),
    /** Removes a CORS rule the spec does not list (only with {@code replace}). */
    REMOVE_CORS_RULE(true, "-"),
    /** Adds a lifecycle rule. */
    ADD_LIFECYCLE_RULE(true, "+"),
    /** Replaces the lifecycle rule for the same prefix. */
    REPLACE_LIFECYCLE_RULE(true, "~"),
    /** Removes a lifecycle rule the spec does not list (only with {@code replace}). */
    REMOVE_LIFECYCLE_RULE(true, "-"),
    /** S3: sets object ownership so that per-object ACLs apply. */
    SET_OBJECT_OWNERSHIP(true, "~"),
    /** S3: stops blocking public ACLs so that objects may be made public. */
    SET_PUBLIC_ACCESS_BLOCK(true, "~"),
    /** Creates an application key; its secret is shown once, in the {@link SetupResult}. */
    CREATE_KEY(true, "+"),
    /** A key of that name exists; its secret cannot be read back and it is not recreated. */
    KEY_EXISTS(false, "="),
    /** Already as the spec asks. */
    UNCHANGED(false, "="),
    /** The spec asks for something this utility will not do to an existing bucket; reported, not applied. */
    CONFLICT(false, "!");

    private final boolean mutates;
    private final String marker;

    Action(boolean mutates, String marker) {
      this.mutates = mutates;
      this.marker = marker;
    }

    /** Returns true when applying this change calls the service to modify something. */
    public boolean mutates() {
      return mutates;
    }

    /** Returns the one-character marker used in plan listings: + ~ - = !. */
    public String marker() {
      return marker;
    }
  }

  /** Checks that every part is present. */
  public Change {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns true when applying this change modifies something. */
  public boolean mutates() {
    return action.mutates();
  }

  /** Returns the change as one plan line, e.g. {@code + ADD_CORS_RULE corsRules['x']: origins [https]…}. */
  @Override
  public String toString() {
    return action.marker() + " " + action + " " + subject + (detail.isEmpty() ? "" : ": " + detail);
  }
}
