package dev.stowage.local;

/**
 * What a {@link LocalAdapter} does when an operation meets a symbolic link anywhere on its path
 * below the root (the link itself or any directory above it). Links are never followed, whatever
 * the policy; the policy only decides whether they are ignored or reported.
 *
 * <p>The configured root is resolved once, when the adapter is built, so a root that is itself a
 * link (or lies below one) is fine: the policy applies to what is found inside the root.
 */
public enum SymlinkPolicy {

  /**
   * Links are invisible: they are not listed, reads, existence checks and {@code stat} treat them
   * (and everything reached through them) as missing, and {@code delete} or
   * {@code deleteDirectory} of a link path is a no-op that leaves the link alone. A write, copy,
   * move, visibility change or directory creation that would replace a link or pass through one
   * fails with {@code PERMISSION_DENIED}, because it can neither follow the link nor silently
   * destroy it. {@code deleteDirectory} of a real directory removes the links inside it (the
   * links, never their targets). The default.
   */
  SKIP,

  /**
   * Any operation that meets a link fails with {@code PERMISSION_DENIED}: existence checks,
   * reads, {@code stat}, writes, copies, moves, deletes, and listings (when the iteration reaches
   * a link). {@code deleteDirectory} checks the whole tree before it deletes anything.
   */
  REFUSE
}
