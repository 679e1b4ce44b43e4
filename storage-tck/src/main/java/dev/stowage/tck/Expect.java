package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stowage.StorageException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts typed failures: the exception class, its kind, and a well-formed message. */
final class Expect {

  private Expect() {}

  /** Runs {@code call} and asserts it throws {@code type} with {@code kind}; returns the exception. */
  static <T extends StorageException> T failure(
      Class<T> type, StorageException.Kind kind, ThrowingCallable call) {
    return failure(type, Set.of(kind), call);
  }

  /** Runs {@code call} and asserts it throws {@code type} with one of {@code kinds}. */
  static <T extends StorageException> T failure(
      Class<T> type, Set<StorageException.Kind> kinds, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a %s of kind %s", type.getSimpleName(), kinds).isNotNull();
    assertThat(thrown).as("exception class").isInstanceOf(type);
    T failure = type.cast(thrown);
    assertThat(failure.kind()).as("kind of <%s>", failure.getMessage()).isIn(kinds);
    wellFormed(failure);
    return failure;
  }

  /** Asserts what every StorageException promises: an operation, a kind, a printable message. */
  static void wellFormed(StorageException failure) {
    assertThat(failure.operation()).as("operation").isNotNull();
    assertThat(failure.kind()).as("kind").isNotNull();
    assertThat(failure.path()).as("path").isNotNull();
    assertThat(failure.retryable()).as("retryable").isEqualTo(failure.kind().retryable());
    String message = failure.getMessage();
    assertThat(message).as("message").isNotBlank();
    message = Objects.requireNonNull(message); // not null: isNotBlank() passed
    assertThat(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f))
        .as("message <%s> has no raw control characters", printable(message))
        .isTrue();
  }

  static Set<StorageException.Kind> kinds(StorageException.Kind... kinds) {
    return Set.copyOf(Arrays.asList(kinds));
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.chars()
        .forEach(
            c ->
                b.append(
                    c < 0x20 || c == 0x7f
                        ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)));
    return b.toString();
  }
}
