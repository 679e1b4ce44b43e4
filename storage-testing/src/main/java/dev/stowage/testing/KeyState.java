package dev.stowage.testing;

import dev.stowage.ByteRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@link FaultSuite} model allows one key to hold: a set of possible contents and
 * whether it may be absent. An acknowledged write or delete makes the state certain; a failed
 * one adds its outcome as a possibility (either old or new is acceptable); a successful read
 * collapses the possibilities to what it saw. Immutable.
 */
final class KeyState {

  static final KeyState ABSENT = new KeyState(List.of(), true, "never written");

  private final List<byte[]> contents;
  private final boolean mayBeAbsent;

  /** How the state arose, for reports ("acknowledged write #12 of 300 bytes"). */
  final String origin;

  private KeyState(List<byte[]> contents, boolean mayBeAbsent, String origin) {
    this.contents = contents;
    this.mayBeAbsent = mayBeAbsent;
    this.origin = origin;
  }

  static KeyState known(byte[] content, String origin) {
    return new KeyState(List.of(content), false, origin);
  }

  static KeyState absent(String origin) {
    return new KeyState(List.of(), true, origin);
  }

  /** Returns this state plus {@code content} as a possibility (a write whose outcome is unknown). */
  KeyState orContent(byte[] content, String origin) {
    if (matchesAny(content)) {
      return this;
    }
    List<byte[]> more = new ArrayList<>(contents);
    more.add(content);
    return new KeyState(List.copyOf(more), mayBeAbsent, origin);
  }

  /** Returns this state plus absence as a possibility (a delete whose outcome is unknown). */
  KeyState orAbsent(String origin) {
    return mayBeAbsent ? this : new KeyState(contents, true, origin);
  }

  /** Returns this state plus every possibility of {@code other} (a copy whose outcome is unknown). */
  KeyState or(KeyState other, String origin) {
    KeyState result = this;
    for (byte[] content : other.contents) {
      result = result.orContent(content, origin);
    }
    return result;
  }

  /** Returns the present possibilities of this state as certain contents of a copy destination. */
  KeyState presentOnly(String origin) {
    return new KeyState(contents, contents.isEmpty(), origin);
  }

  List<byte[]> contents() {
    return contents;
  }

  boolean mayBeAbsent() {
    return mayBeAbsent;
  }

  boolean mustExist() {
    return !mayBeAbsent && !contents.isEmpty();
  }

  boolean mustBeAbsent() {
    return mayBeAbsent && contents.isEmpty();
  }

  boolean matches(byte[] data) {
    return matchesAny(data);
  }

  private boolean matchesAny(byte[] data) {
    for (byte[] content : contents) {
      if (Arrays.equals(content, data)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether {@code data} is {@code range} of some possible content. */
  boolean matchesRange(byte[] data, ByteRange range) {
    for (byte[] content : contents) {
      ByteRange.Resolved resolved = range.resolve(content.length);
      if (resolved == null) {
        if (data.length == 0) {
          return true;
        }
        continue;
      }
      byte[] slice =
          Arrays.copyOfRange(content, (int) resolved.start(), (int) resolved.endExclusive());
      if (Arrays.equals(slice, data)) {
        return true;
      }
    }
    return mayBeAbsent && data.length == 0 && contents.isEmpty();
  }

  /** Returns whether some possible content is {@code size} bytes long. */
  boolean allowsSize(long size) {
    return contents.stream().anyMatch(c -> c.length == size);
  }

  /** Returns a short description such as {@code "one of [300 B, 12 B] or absent"}. */
  String describe() {
    List<String> sizes = contents.stream().map(c -> c.length + " B").toList();
    if (contents.isEmpty()) {
      return "absent";
    }
    return (contents.size() == 1 ? sizes.get(0) : "one of " + sizes)
        + (mayBeAbsent ? " or absent" : "");
  }
}
