package dev.stowage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The local ceiling: {@code Files.copy} straight into place, forced to disk (the file, then its
 * directory) when the local adapter is configured to fsync, as it is by default. Downloads to a
 * file use {@code Files.copy} between paths; downloads to the discarding sink read the file's
 * plain JDK stream with the same draining loop as our client ({@code Files.copy(path, sink)}
 * reads 8 KiB at a time, a handicap that made the ceiling slower than the library).
 */
final class LocalCopyClient implements Client {

  static final String NAME = "Files.copy";

  private final Path directory;
  private final boolean fsync;

  LocalCopyClient(Path directory, boolean fsync) {
    this.directory = directory;
    this.fsync = fsync;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(Scenario scenario) {
    return scenario == Scenario.UPLOAD_SMALL
        || scenario == Scenario.UPLOAD_LARGE
        || scenario.isDownload();
  }

  @Override
  public void run(Scenario scenario, Job job) throws Exception {
    Path file = directory.resolve(job.key());
    switch (scenario) {
      case UPLOAD_SMALL, UPLOAD_LARGE -> {
        Files.createDirectories(file.getParent());
        Files.copy(job.payload(), file, StandardCopyOption.REPLACE_EXISTING);
        if (fsync) {
          force(file);
          force(Objects.requireNonNull(file.getParent()));
        }
      }
      case DOWNLOAD_SMALL, DOWNLOAD_LARGE -> {
        try (InputStream in = Files.newInputStream(file)) {
          Streams.expect(Streams.drain(in), job.size(), "Files.copy");
        }
      }
      case DOWNLOAD_LARGE_TO_FILE -> {
        Files.copy(file, job.output(), StandardCopyOption.REPLACE_EXISTING);
        Streams.expect(Files.size(job.output()), job.size(), "Files.copy");
      }
      default -> throw new IllegalArgumentException("not supported: " + scenario);
    }
  }

  private static void force(Path path) throws IOException {
    StandardOpenOption mode =
        Files.isDirectory(path) ? StandardOpenOption.READ : StandardOpenOption.WRITE;
    try (FileChannel channel = FileChannel.open(path, mode)) {
      channel.force(true);
    }
  }
}
