package dev.stowage.bench;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One target opened for a run: our filesystem rooted at a fresh bench directory, and the clients
 * that do the same transfers beside it (the ceiling first after ours, then the SDK and the peers).
 * Closing removes the bench directory and closes everything.
 */
final class TargetSession implements AutoCloseable {

  private final BenchTarget target;
  private final String directory = "stowage-bench-" + UUID.randomUUID().toString().substring(0, 8);
  private final Filesystem root;
  private final Filesystem fs;
  private final List<Client> clients = new ArrayList<>();
  private @Nullable String ceiling;
  private @Nullable Path localDirectory;

  private TargetSession(BenchTarget target) {
    this.target = target;
    this.root = Filesystems.open(target.uri(), target.settings());
    this.fs = root.at(directory);
  }

  static TargetSession open(BenchTarget target, boolean peers, Path scratch) throws IOException {
    TargetSession s = new TargetSession(target);
    try {
      s.clients.add(new StowageClient(s.fs));
      switch (target.kind()) {
        case LOCAL -> {
          s.localDirectory = Path.of(target.uri().getPath()).resolve(s.directory);
          s.add(
              new LocalCopyClient(s.localDirectory, fsync(target.uri(), target.settings())), true);
        }
        case B2 -> {
          B2Access b2 = new B2Access(target.uri(), target.settings(), s.directory);
          s.add(new B2WireClient(b2), true);
          if (peers) {
            Peers.forB2(b2, scratch).forEach(c -> s.add(c, false));
          }
        }
        case S3 -> {
          S3Access s3 = new S3Access(target.uri(), target.settings(), s.directory);
          s.add(new S3WireClient(s3), true);
          s.add(new S3SdkClient(s3), false);
          if (peers) {
            Peers.forS3(s3, scratch).forEach(c -> s.add(c, false));
          }
        }
        case MEMORY -> {}
      }
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void add(Client c, boolean isCeiling) {
    clients.add(c);
    if (isCeiling) {
      ceiling = c.name();
    }
  }

  /** The local adapter's {@code fsync} setting (default on), so that the ceiling matches its durability. */
  static boolean fsync(URI uri, Map<String, String> settings) {
    String value = settings.get("fsync");
    String query = uri.getRawQuery();
    if (value == null && query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("fsync=")) {
          value = pair.substring("fsync=".length());
        }
      }
    }
    return value == null || !value.toLowerCase(Locale.ROOT).equals("false");
  }

  BenchTarget target() {
    return target;
  }

  /** Our filesystem, rooted at the bench directory. */
  Filesystem filesystem() {
    return fs;
  }

  List<Client> clients() {
    return clients;
  }

  /** The name of the ceiling client, or null when the target has none (memory). */
  @Nullable String ceiling() {
    return ceiling;
  }

  /** The bench directory on local disk (local targets only), else null. */
  @Nullable Path localDirectory() {
    return localDirectory;
  }

  @Override
  public void close() {
    for (Client c : clients) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing a client never hides the report.
      }
    }
    try {
      if (root.directoryExists(directory)) {
        root.deleteDirectory(directory);
      }
    } catch (RuntimeException e) {
      // Best effort: a leftover bench directory is named stowage-bench-*.
    } finally {
      root.close();
    }
  }
}
