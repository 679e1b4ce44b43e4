package dev.stowage.bench;

import dev.stowage.Filesystem;
import dev.stowage.WriteOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/** Our library: the {@link Filesystem} facade over the target's adapter, used as an application would. */
final class StowageClient implements Client {

  static final String NAME = "stowage";

  private final Filesystem fs;

  StowageClient(Filesystem fs) {
    this.fs = fs;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(Scenario scenario) {
    return scenario.isUpload() || scenario.isDownload();
  }

  @Override
  public void run(Scenario scenario, Job job) throws Exception {
    switch (scenario) {
      case UPLOAD_SMALL, UPLOAD_LARGE -> fs.write(job.key(), job.upload(), WriteOptions.DEFAULT);
      case UPLOAD_STREAM -> {
        try (InputStream in = Files.newInputStream(job.payload())) {
          fs.write(job.key(), in, WriteOptions.DEFAULT);
        }
      }
      case DOWNLOAD_SMALL, DOWNLOAD_LARGE -> {
        try (InputStream in = fs.readStream(job.key())) {
          Streams.expect(Streams.drain(in), job.size(), "the download");
        }
      }
      case DOWNLOAD_LARGE_TO_FILE -> {
        try (InputStream in = fs.readStream(job.key())) {
          Streams.expect(
              Files.copy(in, job.output(), StandardCopyOption.REPLACE_EXISTING),
              job.size(),
              "the download");
        }
      }
      default -> throw new IllegalArgumentException("not a transfer: " + scenario);
    }
  }
}
