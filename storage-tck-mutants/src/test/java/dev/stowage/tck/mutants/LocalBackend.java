package dev.stowage.tck.mutants;

import dev.stowage.Capabilities;
import dev.stowage.local.LocalAdapter;
import dev.stowage.local.LocalConfig;
import dev.stowage.spi.FilesystemAdapter;
import java.nio.file.Path;
import java.util.List;
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

  @Override
  public void close() {}
}
