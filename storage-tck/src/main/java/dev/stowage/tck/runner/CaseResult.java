package dev.stowage.tck.runner;

import java.util.Objects;

/**
 * The outcome of one contract case against one target.
 *
 * @param group the contract group, e.g. {@code "write"}
 * @param name the case, e.g. {@code "write_zeroBytes_createsEmptyFile [2] STRING_UTF8"}
 * @param status passed, skipped or failed
 * @param message the skip reason or the failure message; empty when passed
 * @param millis how long the case took
 */
public record CaseResult(String group, String name, Status status, String message, long millis) {

  /** How a case ended. */
  public enum Status {
    PASSED,
    SKIPPED,
    FAILED
  }

  public CaseResult {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }
}
