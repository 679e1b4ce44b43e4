package dev.stowage.b2.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds the master key and key secrets: nothing in it is readable by group or others. */
@Timeout(60)
class DataDirectoryPermissionsTest {

  @TempDir Path tmp;

  /** Every path under {@code root} (itself included) with its mode, e.g. {@code rw-------}. */
  private static Map<Path, String> modes(Path root) throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        out.put(
            root.relativize(p),
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
      }
    }
    return out;
  }

  private static void populate(B2Emulator e) {
    B2TestClient c = B2TestClient.authorized(e, 2);
    String bucketId = c.createBucket("secret-perms", "allPrivate");
    c.ok(
        "b2_create_key",
        Map.of(
            "accountId",
            c.accountId,
            "keyName",
            "app-key",
            "capabilities",
            List.of("listFiles", "readFiles")));
    c.upload(bucketId, "a.txt", "hello".getBytes());
    String largeId =
        c.ok(
                "b2_start_large_file",
                Map.of("bucketId", bucketId, "fileName", "big.bin", "contentType", "b2/x-auto"))
            .get("fileId")
            .asText();
    assertThat(largeId).isNotEmpty();
  }

  private static void assertOwnerOnly(Path data) throws IOException {
    Map<Path, String> modes = modes(data);
    assertThat(modes.keySet()).contains(Path.of("account.json"), Path.of("keys"), Path.of("blobs"));
    assertThat(
            modes.keySet().stream().filter(p -> p.startsWith("keys") && !p.equals(Path.of("keys"))))
        .as("the created key is on disk")
        .hasSize(1);
    modes.forEach(
        (p, mode) -> {
          boolean dir = Files.isDirectory(data.resolve(p));
          assertThat(mode).as("mode of %s", p).isEqualTo(dir ? "rwx------" : "rw-------");
        });
  }

  @Test
  void dataDirectory_afterCreatingKeysAndFiles_everyFileOwnerOnly() throws IOException {
    Path data = tmp.resolve("data");
    try (B2Emulator e = B2Emulator.builder().dataDirectory(data).start()) {
      populate(e);
      assertOwnerOnly(data);
    }
  }

  @Test
  void dataDirectory_widenedByAnOlderVersion_isNarrowedAtStart() throws IOException {
    Path data = tmp.resolve("old");
    try (B2Emulator e = B2Emulator.builder().dataDirectory(data).start()) {
      populate(e);
    }
    try (Stream<Path> all = Files.walk(data)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    try (B2Emulator e = B2Emulator.builder().dataDirectory(data).start()) {
      assertOwnerOnly(data);
      assertThat(e.applicationKeyGenerated()).as("the stored key was reused").isFalse();
    }
  }
}
