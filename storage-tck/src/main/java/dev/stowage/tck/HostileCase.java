package dev.stowage.tck;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of the hostile-input table: a call that must fail with {@code type} and one of
 * {@code kinds} before any I/O, leaving the filesystem as it was.
 *
 * @param name what the row does, shown in reports (control characters escaped)
 * @param action the call, made on a filesystem rooted at the row's seeded directory
 * @param type the exception class the call must throw
 * @param kinds the acceptable kinds (usually one)
 * @param needs the capability the call's option needs, or null; without it UNSUPPORTED is also accepted
 * @param beforeIo whether the call must be refused before it reaches the adapter (bad paths and
 *     options: everything the facade can see without looking at the backend)
 */
record HostileCase(
    String name,
    Action action,
    Class<? extends StorageException> type,
    Set<StorageException.Kind> kinds,
    @Nullable Capability needs,
    boolean beforeIo) {

  /** The hostile call. {@code self} is the name of the row's directory inside its parent. */
  @FunctionalInterface
  interface Action {
    void run(Filesystem fs, Capabilities capabilities, String self) throws Exception;
  }

  HostileCase {
    kinds = Set.copyOf(kinds);
  }

  /** A row that must be refused before any I/O exactly when its only kind is INVALID_INPUT. */
  HostileCase(
      String name,
      Action action,
      Class<? extends StorageException> type,
      Set<StorageException.Kind> kinds,
      @Nullable Capability needs) {
    this(
        name,
        action,
        type,
        kinds,
        needs,
        Set.of(StorageException.Kind.INVALID_INPUT).equals(kinds));
  }

  /** Returns this row marked as one whose refusal may need I/O (the input's fault shows only while reading it). */
  HostileCase afterIo() {
    return new HostileCase(name, action, type, kinds, needs, false);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    name.chars()
        .forEach(
            c ->
                b.append(
                    c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)
                        ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)));
    return b + " → " + type.getSimpleName() + " " + kinds;
  }
}
