package dev.stowage.cli;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.TransferListener;
import dev.stowage.WriteOptions;
import dev.stowage.spi.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import org.jspecify.annotations.Nullable;

/**
 * Copies one file between any two locations, streaming: local file, standard input/output, or a
 * path in any filesystem. Shared by {@code cp} and {@code mv}.
 *
 * <p>Within one filesystem the copy is server-side ({@link Filesystem#copy}). Uploads of local
 * files pass the length up front so adapters can upload parts in parallel; downloads land in a
 * temporary file next to the destination ({@link PartFiles}) and are renamed into place, so a
 * failed or interrupted download never leaves a truncated file under the real name, nor a
 * temporary file.
 *
 * <p>A local destination that is a symbolic link is written through: the file it points to gets
 * the new content and the link stays (as {@code cp} does); a link to nothing is refused. A new
 * local file gets the default mode of new files (the umask applies); an existing one keeps its
 * permissions.
 *
 * <p>Progress and Ctrl-C come from the storage layer: every write and read carries a
 * {@link BarListener} (unless quiet) and the process's {@link Cancellation#token()}; copies
 * between local files and standard streams read through the same kind of tracked stream.
 */
final class Transfers {

  private final CliContext context;
  private final Session session;
  private final boolean quiet;
  private final WriteOptions options;
  private final @Nullable TransferListener listener;

  Transfers(CliContext context, Session session, boolean quiet, WriteOptions options) {
    this(context, session, quiet, options, null);
  }

  /**
   * Returns transfers that report to {@code listener} instead of drawing a bar of their own (null:
   * a bar unless quiet); {@code stowage sync} counts the bytes of many files this way.
   */
  Transfers(
      CliContext context,
      Session session,
      boolean quiet,
      WriteOptions options,
      @Nullable TransferListener listener) {
    this.context = context;
    this.session = session;
    this.quiet = quiet;
    this.options = options;
    this.listener = listener;
  }

  /** Copies {@code source} to {@code destination} and returns where the file went. */
  Location copy(Location source, Location destination) throws IOException {
    Location target = resolveDestination(source, destination);
    if (source.isStdio()) {
      fromStream(context.stdin(), -1, "stdin", target);
    } else if (source.isLocal()) {
      Path file = source.localPath();
      if (Files.isDirectory(file)) {
        throw new CommandFailedException(
            "'" + source + "' is a directory; cp copies one file at a time");
      }
      long size = Files.size(file);
      if (target.isLocal() || target.isStdio() || quiet) {
        fromLocalFile(file, size, source.name(), target);
      } else {
        try (InputStream in = Files.newInputStream(file)) {
          fromStream(in, size, source.name(), target);
        }
      }
    } else if (!target.isStdio() && !target.isLocal() && session.sameFilesystem(source, target)) {
      Filesystem fs = session.filesystem(source);
      fs.copy(source.path(), target.path(), watched(TransferListener.NONE));
    } else {
      Filesystem fs = session.filesystem(source);
      FileAttributes attributes = fs.stat(source.path());
      ProgressBar bar = bar(source.name(), attributes.size());
      TransferListener heard = listenerFor(bar);
      try (InputStream in = fs.readStream(source.path(), null, heard, Cancellation.token())) {
        WriteOptions carried =
            options.contentType() == null && attributes.contentType() != null
                ? options.withContentType(attributes.contentType())
                : options;
        new Transfers(context, session, quiet, carried).send(in, attributes.size(), target, bar);
      }
    }
    return target;
  }

  /** A trailing slash, or an existing directory, means "into this directory, same name". */
  Location resolveDestination(Location source, Location destination) {
    if (destination.isStdio()) {
      return destination;
    }
    boolean intoDirectory = destination.namesDirectory();
    if (!intoDirectory) {
      if (destination.isLocal()) {
        intoDirectory = Files.isDirectory(destination.localPath());
      } else {
        intoDirectory =
            destination.path().isEmpty()
                || session.filesystem(destination).directoryExists(destination.path());
      }
    }
    if (!intoDirectory) {
      return destination;
    }
    if (source.isStdio() || source.name().isEmpty()) {
      throw new UsageException("'" + destination + "' is a directory: name the destination file");
    }
    return destination.resolve(source.name());
  }

  private void fromLocalFile(Path file, long size, String label, Location target)
      throws IOException {
    if (target.isLocal() || target.isStdio()) {
      try (InputStream in = Files.newInputStream(file)) {
        fromStream(in, size, label, target);
      }
      return;
    }
    // Quiet uploads hand the adapter the file itself, so it may read parts by position in parallel.
    session.filesystem(target).write(target.path(), file, watched(TransferListener.NONE));
  }

  /** Writes {@code size} bytes (-1: unknown) of {@code in} to {@code target}, with progress. */
  void fromStream(InputStream in, long size, String label, Location target) throws IOException {
    send(in, size, target, bar(label, size));
  }

  /** Returns a progress bar for a transfer, or null when quiet. */
  private @Nullable ProgressBar bar(String label, long size) {
    return quiet
        ? null
        : new ProgressBar(context.err(), context.terminal(), context.nanoTime(), label, size);
  }

  /** Returns the listener given at construction, else one drawing {@code bar} (null: none). */
  private TransferListener listenerFor(@Nullable ProgressBar bar) {
    return listener != null ? listener : BarListener.of(bar);
  }

  /** Returns the options with the listener drawing {@code listener} and the process's token. */
  private WriteOptions watched(TransferListener listener) {
    return options.toBuilder().listener(listener).cancellation(Cancellation.token()).build();
  }

  /**
   * Writes {@code size} bytes (-1: unknown) of {@code in} to {@code target}, drawing on
   * {@code bar} (null: none) and ending it.
   */
  private void send(InputStream in, long size, Location target, @Nullable ProgressBar bar)
      throws IOException {
    TransferListener listener = listenerFor(bar);
    // Local and standard-stream copies read through the storage layer's tracked stream, so that
    // they count and stop on Ctrl-C exactly as storage transfers do.
    InputStream source =
        target.isStdio() || target.isLocal()
            ? Transfer.of(listener, Cancellation.token()).track(in)
            : in;
    try {
      if (target.isStdio()) {
        context.out().flush();
        OutputStream stdout = context.stdout();
        source.transferTo(stdout);
        stdout.flush();
      } else if (target.isLocal()) {
        toLocalFile(source, target.localPath(), context.clock());
      } else {
        Filesystem fs = session.filesystem(target);
        if (size >= 0) {
          fs.write(target.path(), source, size, watched(listener));
        } else {
          fs.write(target.path(), source, watched(listener));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (bar != null) {
        bar.abandon();
      }
      throw e;
    }
    if (bar != null) {
      bar.finish();
    }
  }

  private static void toLocalFile(InputStream in, Path destination, java.time.Clock clock)
      throws IOException {
    Path target = writeTarget(destination);
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      // A device or a pipe (cp x /dev/null): write to it directly, there is nothing to replace.
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
        in.transferTo(out);
      }
      return;
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null) {
      throw new CommandFailedException("'" + target + "': not a file name");
    }
    if (!Files.isDirectory(dir)) {
      throw new CommandFailedException("'" + dir + "': no such directory");
    }
    String name = target.getFileName().toString();
    PartFiles.removeStale(dir, name, clock);
    Path temp = PartFiles.create(dir, name);
    try {
      try (OutputStream out =
          Files.newOutputStream(
              temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        in.transferTo(out);
      }
      keepPermissions(target, temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Returns the file a write to {@code destination} replaces: itself, or for a symbolic link the
   * file it leads to (so the link stays a link); a link that leads nowhere is refused.
   */
  static Path writeTarget(Path destination) throws IOException {
    if (!Files.isSymbolicLink(destination)) {
      return destination;
    }
    if (!Files.exists(destination)) {
      throw new CommandFailedException(
          "'"
              + destination
              + "' is a symbolic link to a missing file; "
              + "not writing through it (remove the link, or write to its target)");
    }
    return destination.toRealPath();
  }

  /** Gives the new content the permissions of the file it replaces, if any. */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (!Files.isRegularFile(target)) {
      return;
    }
    PosixFileAttributeView existing =
        Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (existing != null) {
      Files.setPosixFilePermissions(temp, existing.readAttributes().permissions());
    }
  }
}
