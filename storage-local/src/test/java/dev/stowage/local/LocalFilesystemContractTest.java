package dev.stowage.local;

import dev.stowage.Filesystem;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.tck.StaticFileServer;
import dev.stowage.tck.StoredBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility kit against the local adapter on a temporary root, with public URLs served
 * by a loopback web server over that root. Temporary URLs, upload tickets, ETags, versions,
 * multipart and implicit directories are not declared, so those cases are skipped.
 */
class LocalFilesystemContractTest extends FilesystemContract {

  @TempDir static Path root;
  private StaticFileServer server;

  @Override
  protected Filesystem createFilesystem() {
    server = StaticFileServer.start();
    LocalAdapter adapter =
        LocalAdapter.of(
            LocalConfig.builder(root.resolve("kit")).publicUrlBase(server.base()).build());
    server.serve(adapter);
    return Filesystem.of(countingCalls(adapter));
  }

  /** The adapter's root on disk: hostile rows are also looked for in it and every directory above. */
  @Override
  public Optional<Path> baseDirectory() {
    return Optional.of(root.resolve("kit"));
  }

  /** The disk itself: writes, copies, moves and deletes are also checked without the adapter. */
  @Override
  public Optional<StoredBytes> storedBytes() {
    return Optional.of(
        path -> {
          Path file = root.resolve("kit").resolve(rootName()).resolve(path);
          return Files.isRegularFile(file)
              ? Optional.of(Files.readAllBytes(file))
              : Optional.empty();
        });
  }

  @Override
  protected void afterAll() {
    server.close();
  }
}
