package dev.stowage.setup;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Writes key secrets to a file that only its owner can read. The permission is given when the file is created (not
 * changed afterwards), so there is no moment in which another user could open it; an overwrite goes through a new
 * owner-only temporary file moved over the old one.
 */
final class SecretsFile {
  private SecretsFile() {}

  /**
   * Checks, before any key is created, that {@code file} can be written as a secrets file: it is not a directory,
   * it does not exist (unless {@code overwrite}), its directory exists and is a directory, and a new owner-only
   * file can be created there (tried with a probe file that is removed at once).
   *
   * @throws SecretsFileException naming the path and what is wrong
   */
  static void checkWritable(Path file, boolean overwrite) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    if (Files.isDirectory(target)) {
      throw refused(target, "it is a directory");
    }
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !overwrite) {
      throw refused(target, "it already exists and is never overwritten; choose another file");
    }
    if (dir == null || !Files.exists(dir)) {
      throw refused(target, "directory '" + dir + "' does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw refused(target, "'" + dir + "' is not a directory");
    }
    Path probe =
        dir.resolve(
            "."
                + target.getFileName()
                + ".probe-"
                + ProcessHandle.current().pid()
                + "-"
                + Long.toHexString(System.nanoTime()));
    try {
      create(probe, new byte[0]);
    } catch (IOException e) {
      throw refused(
          target, "cannot create a file in '" + dir + "' (" + e.getClass().getSimpleName() + ")");
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // an empty probe file holds nothing
      }
    }
  }

  private static SecretsFileException refused(Path target, String reason) {
    return new SecretsFileException(
        "cannot write the secrets file '" + target + "': " + reason + "; nothing was changed",
        target,
        java.util.List.of(),
        java.util.List.of(),
        null);
  }

  static void write(Path file, SetupResult result, boolean overwrite) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !overwrite) {
      throw new FileAlreadyExistsException(
          target.toString(),
          null,
          "refusing to overwrite an existing secrets file; pass overwrite (--force) to replace it");
    }
    byte[] content = render(result).getBytes(StandardCharsets.UTF_8);
    if (!overwrite) {
      create(target, content);
      return;
    }
    Path tmp =
        target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    create(tmp, content);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void create(Path path, byte[] content) throws IOException {
    var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileAttribute<?>[] attrs =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    try (var channel = Files.newByteChannel(path, options, attrs);
        var out = Channels.newOutputStream(channel)) {
      out.write(content);
    }
  }

  static String render(SetupResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Application keys created by stowage setup for bucket ")
        .append(result.bucketName())
        .append(".\n# Keep this file private; the service will not show these secrets again.\n");
    boolean many = result.createdKeys().size() > 1;
    for (CreatedKey k : result.createdKeys()) {
      String suffix = many ? "_" + k.keyName().toUpperCase(Locale.ROOT).replace('-', '_') : "";
      sb.append("\n# key ").append(k.keyName()).append(' ').append(k.capabilities());
      if (k.namePrefix() != null) {
        sb.append(" prefix ").append(k.namePrefix());
      }
      sb.append('\n');
      line(sb, "B2_APPLICATION_KEY_ID" + suffix, k.applicationKeyId());
      line(sb, "B2_APPLICATION_KEY" + suffix, k.applicationKey());
      line(sb, "AWS_ACCESS_KEY_ID" + suffix, k.applicationKeyId());
      line(sb, "AWS_SECRET_ACCESS_KEY" + suffix, k.applicationKey());
      if (result.s3Endpoint() != null) {
        line(sb, "AWS_ENDPOINT_URL" + suffix, result.s3Endpoint());
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    sb.append(name).append('=').append(value).append('\n');
  }
}
