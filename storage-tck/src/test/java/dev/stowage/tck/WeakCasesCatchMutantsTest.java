package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;
import dev.stowage.tck.runner.KitCases;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proof that the kit's strengthened cases fail on adapters broken in the way each case is about
 * (see {@link WeakCaseMutants}), and that the honest counterpart passes. The nested kits are not
 * test classes of their own; each test runs one case of one kit through the JUnit Platform.
 */
class WeakCasesCatchMutantsTest {

  private static final String HOSTILE = "hostileInput_rejectedBeforeIo_nothingChanged";

  @Test
  void hostileInput_ioThenRefuse_caughtWhereTheEscapeLands() {
    Map<String, KitCases.Outcome> rows = KitCases.run(IoThenRefuseKit.class, HOSTILE);

    // These escape above the kit root only: the row's directory and the kit root look unchanged.
    assertThat(outcome(rows, "write './../../../../../../etc/passwd'"))
        .satisfies(
            o -> {
              assertThat(o.failed()).as(o.toString()).isTrue();
              assertThat(o.message())
                  .contains("where an escaping path would land")
                  .contains("base:etc/passwd");
            });
    assertThat(outcome(rows, "createDirectory '../../evil'"))
        .satisfies(
            o -> {
              assertThat(o.failed()).as(o.toString()).isTrue();
              assertThat(o.message())
                  .contains("where an escaping path would land")
                  .contains("base:evil");
            });
    assertThat(outcome(rows, "write 'nul\\u0000.txt'").passed())
        .as("a row without traversal")
        .isTrue();
  }

  @Test
  void hostileInput_lookBeforeRefusing_caughtByTheCallCount() {
    Map<String, KitCases.Outcome> rows = KitCases.run(PeekFirstKit.class, HOSTILE);

    Map<String, KitCases.Outcome> failed =
        rows.entrySet().stream()
            .filter(e -> e.getValue().failed())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(failed)
        .isNotEmpty()
        .allSatisfy(
            (name, o) ->
                assertThat(o.message()).as(name).contains("adapter calls made before refusing"));
    assertThat(outcome(rows, "write '../escape.txt'").failed()).isTrue();
    assertThat(outcome(rows, "checksum with algorithm 'md4'").failed()).isTrue();
    assertThat(outcome(rows, "write onto implied directory 'd'").passed())
        .as("a row that needs I/O to be refused")
        .isTrue();
    assertThat(outcome(rows, "write a stream that ends before its declared length").passed())
        .isTrue();
  }

  @Test
  void readStream_closeLeaksItsConnection_caughtBeyondThePoolSize() {
    assertThat(
            only(KitCases.run(LeakingPoolKit.class, "readStream_partialReadThenClose_doesNotLeak")))
        .satisfies(o -> assertThat(o.message()).contains("no free connection"))
        .matches(KitCases.Outcome::failed);
    assertThat(
            only(KitCases.run(HonestPoolKit.class, "readStream_partialReadThenClose_doesNotLeak"))
                .passed())
        .isTrue();
  }

  @Test
  void write_pathLimitOverstated_caughtAtExactlyTheLimit() {
    KitCases.Outcome o =
        only(
            KitCases.run(
                ShortPathsKit.class, "write_pathOfMaxPathBytes_isAcceptedAndOneMoreRefused"));
    assertThat(o.failed()).as(o.toString()).isTrue();
    assertThat(o.message()).contains("key too long");
  }

  @Test
  void write_abortedOutputStreamCommitted_caughtByTheOutputStreamRow() {
    Map<String, KitCases.Outcome> rows =
        KitCases.run(CommitsPartialKit.class, "write_sourceFailsMidway_leavesNothing");
    KitCases.Outcome o = outcome(rows, "OUTPUT_STREAM");
    assertThat(o.failed()).as(o.toString()).isTrue();
    assertThat(o.message()).contains("broken.bin");
  }

  @Test
  void visibility_privateFilesServedPublicly_caughtByAnonymousFetch() {
    KitCases.Outcome o =
        only(KitCases.run(LyingVisibilityKit.class, "publicUrl_privateFile_isRefusedAnonymously"));
    assertThat(o.failed()).as(o.toString()).isTrue();
    assertThat(o.message()).contains("the private file fetched anonymously");
    // The cases that read visibility back through the adapter do not see it.
    assertThat(
            KitCases.run(LyingVisibilityKit.class, "setVisibility_roundTrip_changesOnlyVisibility")
                .values())
        .allMatch(KitCases.Outcome::passed);
    assertThat(KitCases.run(LyingVisibilityKit.class, "write_withVisibility_reportsIt").values())
        .hasSize(2)
        .allMatch(KitCases.Outcome::passed);
  }

  private static KitCases.Outcome outcome(Map<String, KitCases.Outcome> rows, String name) {
    return rows.entrySet().stream()
        .filter(e -> e.getKey().contains(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows.keySet()));
  }

  private static KitCases.Outcome only(Map<String, KitCases.Outcome> rows) {
    assertThat(rows).hasSize(1);
    return rows.values().iterator().next();
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class IoThenRefuseKit extends FilesystemContract {
    @Override
    protected Filesystem createFilesystem() {
      return WeakCaseMutants.ioThenRefuse(Filesystem.of(MemoryAdapter.create()));
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class PeekFirstKit extends FilesystemContract {
    @Override
    protected Filesystem createFilesystem() {
      return WeakCaseMutants.peekFirst(Filesystem.of(countingCalls(MemoryAdapter.create())));
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class LeakingPoolKit extends FilesystemContract {
    @Override
    protected Filesystem createFilesystem() {
      return Filesystem.of(WeakCaseMutants.pooled(MemoryAdapter.create(), true));
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class HonestPoolKit extends FilesystemContract {
    @Override
    protected Filesystem createFilesystem() {
      return Filesystem.of(WeakCaseMutants.pooled(MemoryAdapter.create(), false));
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class ShortPathsKit extends FilesystemContract {
    @Override
    protected Filesystem createFilesystem() {
      return Filesystem.of(WeakCaseMutants.shortPaths(MemoryAdapter.create()));
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class CommitsPartialKit extends FilesystemContract {
    @Override
    protected Filesystem createFilesystem() {
      return Filesystem.of(WeakCaseMutants.commitsPartial(MemoryAdapter.create()));
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class LyingVisibilityKit extends FilesystemContract {
    private StaticFileServer server;

    @Override
    protected Filesystem createFilesystem() {
      server = StaticFileServer.start();
      MemoryAdapter inner = MemoryAdapter.builder().publicUrlBase(server.base()).build();
      server.serve(inner);
      return Filesystem.of(WeakCaseMutants.lyingVisibility(inner));
    }

    @Override
    protected void afterAll() {
      server.close();
    }
  }
}
