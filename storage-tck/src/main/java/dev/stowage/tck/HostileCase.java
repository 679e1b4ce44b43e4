package dev.stowage.tck;

import dev.stowage.Capabilities;
import dev.stowage.Capability;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import java.util.Set;

/**
 * One row of the hostile-input table: a call that must fail with {@code type} and one of
 * {@code kinds} before any I/O, leaving the filesystem as it was.
 *
 * @param name what the row does, shown in reports (control characters escaped)
 * @param action the call, made on a filesystem rooted at the row's seeded directory
 * @param type the exception class the call must throw
 * @param kinds the acceptable kinds (usually one)
 * @param needs the capability the call's option needs, or null; without it UNSUPPORTED is also accepted
 */
record HostileCase(String name, Action action, Class<? extends StorageException> type,
    Set<StorageException.Kind> kinds, Capability needs) {

  /** The hostile call. {@code self} is the name of the row's directory inside its parent. */
  @FunctionalInterface
  interface Action {
    void run(Filesystem fs, Capabilities capabilities, String self) throws Exception;
  }

  HostileCase {
    kinds = Set.copyOf(kinds);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    name.chars().forEach(c -> b.append(c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)
        ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b + " → " + type.getSimpleName() + " " + kinds;
  }
}
