package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stowage.Capability;
import dev.stowage.Operation;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The error taxonomy (E1–E4): every failure is a {@link StorageException} carrying
 * its operation, path and kind; an undeclared capability fails with UNSUPPORTED before any I/O.
 */
@ContractGroup("errors")
public interface ErrorContract extends KitFixture {

  /** The operations that fail on a missing file, with the operation their exception names. */
  enum MissingFileCall {
    READ(Operation.READ),
    READ_STREAM(Operation.READ),
    STAT(Operation.STAT),
    FILE_SIZE(Operation.STAT),
    COPY(Operation.COPY),
    MOVE(Operation.MOVE),
    CHECKSUM(Operation.CHECKSUM),
    SET_VISIBILITY(Operation.SET_VISIBILITY);

    final Operation operation;

    MissingFileCall(Operation operation) {
      this.operation = operation;
    }
  }

  /** E1, E2, E4: a failure on a missing file names its operation, the path and NOT_FOUND. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(MissingFileCall.class)
  default void failure_missingFile_carriesOperationPathAndKind(MissingFileCall call) {
    if (call == MissingFileCall.SET_VISIBILITY) {
      Assumptions.assumeTrue(
          has(Capability.VISIBILITY_PER_OBJECT),
          RequiresCondition.missing(Capability.VISIBILITY_PER_OBJECT));
    }
    String d = newDirectory("e1");
    String path = d + "/missing.txt";
    Throwable thrown = catchThrowable(() -> ErrorCalls.call(fs(), call, path, d + "/other.txt"));
    assertThat(thrown).as("%s of a missing file", call).isInstanceOf(StorageException.class);
    StorageException e = (StorageException) thrown;
    Expect.wellFormed(e);
    assertThat(e.operation()).isEqualTo(call.operation);
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains(path);
    FilesystemAssert.assertThat(fs()).hasNoDirectory(d);
  }

  /** Options and calls that each need one capability. */
  enum Gated {
    CREATE_ONLY,
    CACHE_CONTROL,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    USER_METADATA,
    CONTENT_TYPE,
    RANGE_READ,
    PUBLIC_URL,
    TEMPORARY_URL,
    PREPARE_UPLOAD,
    VISIBILITY
  }

  /** E3: using an undeclared capability fails with UNSUPPORTED and changes nothing. */
  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Gated.class)
  default void undeclaredCapability_throwsUnsupportedBeforeIo(Gated gated) {
    ErrorCalls.assumeUndeclared(this, gated);
    String d = newDirectory("e3");
    fs().write(d + "/existing.txt", "existing");
    Throwable thrown = catchThrowable(() -> ErrorCalls.use(fs(), gated, d));
    assertThat(thrown).as("using %s", gated).isInstanceOf(StorageException.class);
    assertThat(((StorageException) thrown).kind()).isEqualTo(Kind.UNSUPPORTED);
    Expect.wellFormed((StorageException) thrown);
    FilesystemAssert.assertThat(fs())
        .listsExactly(d, d + "/existing.txt")
        .hasFile(d + "/existing.txt", "existing");
  }
}
