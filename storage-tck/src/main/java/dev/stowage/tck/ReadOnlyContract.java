package dev.stowage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.CopyFailedException;
import dev.stowage.DeleteFailedException;
import dev.stowage.DirectoryFailedException;
import dev.stowage.Filesystem;
import dev.stowage.MoveFailedException;
import dev.stowage.StorageAttributes;
import dev.stowage.StorageException;
import dev.stowage.StorageException.Kind;
import dev.stowage.UploadConstraints;
import dev.stowage.UrlFailedException;
import dev.stowage.Visibility;
import dev.stowage.VisibilityFailedException;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read-only profile (H4, Z1): fixtures are seeded through a writable
 * filesystem, then read through a read-only one over the same storage. Reads, listings and
 * checksums must work; every mutator must fail with its typed exception (UNSUPPORTED when the
 * read-only filesystem does not declare {@link Capability#WRITE}, PERMISSION_DENIED when it does
 * but its credentials may not write) and change nothing.
 *
 * <pre>{@code
 * class ReadOnlyMemoryTest extends ReadOnlyContract {
 *   private final MemoryAdapter adapter = MemoryAdapter.create();
 *   protected Filesystem createWritableFilesystem() { return Filesystem.of(adapter); }
 *   protected Filesystem createReadOnlyFilesystem() { return Filesystem.of(new ReadOnlyAdapter(adapter)); }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@ContractGroup("read-only")
public abstract class ReadOnlyContract {

  private Filesystem writableBase;
  private Filesystem readOnlyBase;
  private Filesystem seeded;
  private Filesystem readOnly;
  private String rootName;

  /** Creates the contract; both filesystems are opened before the first case. */
  protected ReadOnlyContract() {}

  /** Returns a writable filesystem over the storage that the read-only one reads. */
  protected abstract Filesystem createWritableFilesystem();

  /** Returns the read-only filesystem under test. */
  protected abstract Filesystem createReadOnlyFilesystem();

  @BeforeAll
  protected final void seed() {
    writableBase = createWritableFilesystem();
    readOnlyBase = createReadOnlyFilesystem();
    StringBuilder name = new StringBuilder("tck-ro-");
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 10; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    rootName = name.toString();
    seeded = writableBase.at(rootName);
    seeded.write("a.txt", "foobar");
    seeded.write("sub/b.bin", KitData.bytes(3000));
    seeded.createDirectory("empty");
    readOnly = readOnlyBase.at(rootName);
  }

  @AfterAll
  protected final void cleanUp() {
    try {
      if (writableBase != null) {
        writableBase.deleteDirectory(rootName);
      }
    } finally {
      if (readOnlyBase != null) {
        readOnlyBase.close();
      }
      if (writableBase != null) {
        writableBase.close();
      }
    }
  }

  /** Reads see the seeded files. */
  @Test
  public void read_seededFiles_returnsContent() {
    FilesystemAssert.assertThat(readOnly)
        .hasFile("a.txt", "foobar")
        .hasFile("sub/b.bin", KitData.bytes(3000))
        .hasDirectory("sub")
        .hasDirectory("empty")
        .hasNoFile("missing");
    assertThat(readOnly.fileSize("sub/b.bin")).isEqualTo(3000);
    assertThat(readOnly.stat("a.txt").path()).isEqualTo("a.txt");
  }

  /** Listings see the seeded tree. */
  @Test
  public void list_seededTree_listsEverything() {
    assertThat(readOnly.list("").toList())
        .extracting(StorageAttributes::path)
        .containsExactlyInAnyOrder("a.txt", "sub", "empty");
    assertThat(readOnly.list("", true).files().toList())
        .extracting(StorageAttributes::path)
        .containsExactlyInAnyOrder("a.txt", "sub/b.bin");
  }

  /** Checksums, MIME types and ranges work. */
  @Test
  public void checksumMimeAndRange_seededFile_work() {
    assertThat(readOnly.checksum("a.txt").hex()).isEqualTo("3858f62230ac3c915f300c664312c63f");
    assertThat(readOnly.checksum("a.txt", ChecksumAlgorithm.SHA256).hex())
        .isEqualTo(KitData.hex("SHA-256", KitData.utf8("foobar")));
    assertThat(KitData.baseType(readOnly.mimeType("a.txt"))).isEqualTo("text/plain");
    if (readOnly.capabilities().has(Capability.RANGE_READ)) {
      assertThat(KitData.readAll(readOnly.readStream("a.txt", ByteRange.of(3, 5))))
          .isEqualTo(KitData.utf8("bar"));
    }
  }

  /** The read-only filesystem does not declare the capabilities of writing. */
  @Test
  public void capabilities_readOnly_declareNoWriting() {
    if (!readOnly.capabilities().has(Capability.WRITE)) {
      assertThat(readOnly.capabilities().has(Capability.CREATE_ONLY)).isFalse();
      assertThat(readOnly.capabilities().has(Capability.PREPARE_UPLOAD)).isFalse();
    }
  }

  /** Z1: every mutator fails with its typed exception and changes nothing. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mutators")
  public void mutator_onReadOnly_failsAndChangesNothing(
      String name, Class<? extends StorageException> type, ReadOnlyCall call) {
    List<String> before = everything();
    Kind expected =
        readOnly.capabilities().has(Capability.WRITE) ? Kind.PERMISSION_DENIED : Kind.UNSUPPORTED;
    Expect.failure(type, expected, () -> call.run(readOnly));
    assertThat(everything()).as("the seeded tree after %s", name).isEqualTo(before);
    FilesystemAssert.assertThat(seeded).hasFile("a.txt", "foobar").hasNoFile("new.txt");
  }

  static Stream<Arguments> mutators() {
    return Stream.of(
        row("write bytes", WriteFailedException.class, fs -> fs.write("new.txt", new byte[] {1})),
        row("write over existing", WriteFailedException.class, fs -> fs.write("a.txt", "changed")),
        row("write string", WriteFailedException.class, fs -> fs.write("new.txt", "x")),
        row(
            "write stream",
            WriteFailedException.class,
            fs ->
                fs.write(
                    "new.txt", new ByteArrayInputStream(new byte[3]), 3, WriteOptions.DEFAULT)),
        row(
            "write unknown-length stream",
            WriteFailedException.class,
            fs -> fs.write("new.txt", new ByteArrayInputStream(new byte[3]), WriteOptions.DEFAULT)),
        row(
            "write local file",
            WriteFailedException.class,
            fs -> {
              Path local = Files.createTempFile("stowage-tck", ".bin");
              try {
                fs.write("new.txt", local, WriteOptions.DEFAULT);
              } finally {
                Files.deleteIfExists(local);
              }
            }),
        row(
            "openOutputStream",
            WriteFailedException.class,
            fs -> {
              try (OutputStream out = fs.openOutputStream("new.txt", WriteOptions.DEFAULT)) {
                out.write(1);
              }
            }),
        row("copy", CopyFailedException.class, fs -> fs.copy("a.txt", "new.txt")),
        row("move", MoveFailedException.class, fs -> fs.move("a.txt", "new.txt")),
        row("delete", DeleteFailedException.class, fs -> fs.delete("a.txt")),
        row("createDirectory", DirectoryFailedException.class, fs -> fs.createDirectory("newdir")),
        row("deleteDirectory", DirectoryFailedException.class, fs -> fs.deleteDirectory("sub")),
        row(
            "setVisibility",
            VisibilityFailedException.class,
            fs -> fs.setVisibility("a.txt", Visibility.PUBLIC)),
        row(
            "prepareUpload",
            UrlFailedException.class,
            fs -> fs.prepareUpload("new.txt", Duration.ofMinutes(5), UploadConstraints.NONE)));
  }

  /** A mutating call on the read-only filesystem. */
  @FunctionalInterface
  interface ReadOnlyCall {
    void run(Filesystem fs) throws Exception;
  }

  private static Arguments row(
      String name, Class<? extends StorageException> type, ReadOnlyCall call) {
    return Arguments.of(name, type, call);
  }

  private List<String> everything() {
    return seeded.list("", true).toList().stream()
        .map(e -> e.path() + (e.isFile() ? ":" + ((dev.stowage.FileAttributes) e).size() : "/"))
        .sorted()
        .collect(Collectors.toList());
  }
}
