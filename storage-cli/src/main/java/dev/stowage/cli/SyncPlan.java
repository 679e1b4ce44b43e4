package dev.stowage.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * What {@code sync} (or {@code cp -r}) will do to each file: copy it (new at the destination),
 * update it (there, but different), skip it (already identical) or delete it (at the destination
 * only, with {@code --delete}). Built by comparing two {@link TreeWalk}s; printed by
 * {@code --dry-run}.
 *
 * @param actions every file's action, sorted by relative path
 */
record SyncPlan(List<Action> actions) {

  SyncPlan {
    actions = List.copyOf(actions);
  }

  /** What happens to one file. */
  enum Kind {
    /** The destination has no such file: send it. */
    COPY,
    /** The destination's file differs: send it again, replacing it. */
    UPDATE,
    /** The destination's file is identical: leave it. */
    SKIP,
    /** Only the destination has the file: remove it (with {@code --delete}). */
    DELETE
  }

  /**
   * One file's action.
   *
   * @param kind what happens
   * @param relative the path below both roots
   * @param size the bytes sent (the source's size) for COPY and UPDATE; the file's size otherwise
   * @param source the source's entry, null for DELETE
   */
  record Action(Kind kind, String relative, long size, TreeWalk.@Nullable Entry source) {
    Action {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(relative, "relative");
    }

    /** Returns whether this action sends bytes (or copies server-side). */
    boolean transfers() {
      return kind == Kind.COPY || kind == Kind.UPDATE;
    }
  }

  /** Returns a plan that copies every file of {@code source}, whatever is at the destination ({@code cp -r}). */
  static SyncPlan copyAll(TreeWalk source) {
    List<Action> actions = new ArrayList<>();
    for (TreeWalk.Entry e : source.files().values()) {
      actions.add(new Action(Kind.COPY, e.relative(), e.size(), e));
    }
    return new SyncPlan(actions);
  }

  /**
   * Compares {@code source} with {@code destination}: files only in the source are copied, files
   * in both are skipped when {@code match} finds them identical (compared on {@code pool}, as
   * hashing may read files) and updated otherwise, and files only at the destination are deleted
   * when {@code delete}.
   */
  static SyncPlan compare(
      TreeWalk source,
      TreeWalk destination,
      ContentMatch match,
      boolean delete,
      ExecutorService pool)
      throws IOException {
    List<Action> actions = new ArrayList<>();
    List<Future<Action>> compared = new ArrayList<>();
    Map<String, TreeWalk.Entry> there = destination.files();
    for (TreeWalk.Entry src : source.files().values()) {
      TreeWalk.Entry dst = there.get(src.relative());
      if (dst == null) {
        actions.add(new Action(Kind.COPY, src.relative(), src.size(), src));
      } else if (dst.size() != src.size()) {
        actions.add(new Action(Kind.UPDATE, src.relative(), src.size(), src));
      } else {
        compared.add(
            pool.submit(
                () ->
                    new Action(
                        sameOrUnknown(match, src, dst) ? Kind.SKIP : Kind.UPDATE,
                        src.relative(),
                        src.size(),
                        src)));
      }
    }
    for (Future<Action> f : compared) {
      actions.add(await(f));
    }
    if (delete) {
      for (TreeWalk.Entry dst : there.values()) {
        if (!source.files().containsKey(dst.relative())) {
          actions.add(new Action(Kind.DELETE, dst.relative(), dst.size(), null));
        }
      }
    }
    actions.sort(java.util.Comparator.comparing(Action::relative));
    return new SyncPlan(actions);
  }

  /**
   * Returns whether {@code match} finds the two files identical; a comparison that fails (a file
   * that cannot be read or hashed) counts as "different", so the transfer is attempted and, if the
   * file really is unreadable, fails and is reported by name.
   */
  private static boolean sameOrUnknown(ContentMatch match, TreeWalk.Entry src, TreeWalk.Entry dst)
      throws InterruptedIOException {
    try {
      return match.same(src, dst);
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Action await(Future<Action> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("cancelled while comparing files");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    }
  }

  /** Returns the number of actions of {@code kind}. */
  long count(Kind kind) {
    return actions.stream().filter(a -> a.kind() == kind).count();
  }

  /** Returns the actions that send a file. */
  List<Action> transfers() {
    return actions.stream().filter(Action::transfers).toList();
  }

  /** Returns the actions that delete a file. */
  List<Action> deletions() {
    return actions.stream().filter(a -> a.kind() == Kind.DELETE).toList();
  }

  /** Returns the bytes the transfers send. */
  long bytesToTransfer() {
    return actions.stream().filter(Action::transfers).mapToLong(Action::size).sum();
  }

  /** Prints one line per file ({@code copy}, {@code update}, {@code skip}, {@code delete}) and the totals. */
  void print(PrintWriter out) {
    for (Action a : actions) {
      out.printf(
          "%-6s  %12d  %s%n",
          a.kind().name().toLowerCase(java.util.Locale.ROOT),
          a.size(),
          Printable.name(a.relative()));
    }
    out.printf(
        "plan: copy %d, update %d (%d files, %d bytes to transfer), skip %d, delete %d%n",
        count(Kind.COPY),
        count(Kind.UPDATE),
        transfers().size(),
        bytesToTransfer(),
        count(Kind.SKIP),
        count(Kind.DELETE));
  }
}
