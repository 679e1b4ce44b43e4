package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.local.LocalAdapter;
import dev.stowage.local.LocalConfig;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.tck.StoredBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The local adapter over one temporary directory; each run works in its own random root below it. */
final class LocalBackend implements Backend {

  private final Path root;

  LocalBackend(Path directory) {
    this.root = directory.resolve("local");
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public FilesystemAdapter adapter() {
    return LocalAdapter.of(LocalConfig.builder(root).build());
  }

  @Override
  public Capabilities capabilities() {
    try (FilesystemAdapter adapter = adapter()) {
      return adapter.capabilities();
    }
  }

  @Override
  public Function<String, List<String>> pendingUploads() {
    return null;
  }

  /** The disk below the adapter's root. */
  @Override
  public Function<String, StoredBytes> storedBytes() {
    return kitRoot ->
        path -> {
          Path file = root.resolve(kitRoot).resolve(path);
          return Files.isRegularFile(file)
              ? Optional.of(Files.readAllBytes(file))
              : Optional.empty();
        };
  }

  @Override
  public void close() {}
}
