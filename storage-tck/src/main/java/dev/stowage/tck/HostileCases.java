package dev.stowage.tck;

import static dev.stowage.StorageException.Kind.ALREADY_EXISTS;
import static dev.stowage.StorageException.Kind.INVALID_INPUT;
import static dev.stowage.StorageException.Kind.IS_A_DIRECTORY;

import dev.stowage.ByteRange;
import dev.stowage.Capability;
import dev.stowage.ChecksumFailedException;
import dev.stowage.CopyFailedException;
import dev.stowage.DeleteFailedException;
import dev.stowage.MoveFailedException;
import dev.stowage.PathRejectedException;
import dev.stowage.ReadFailedException;
import dev.stowage.StorageException;
import dev.stowage.UploadConstraints;
import dev.stowage.UrlFailedException;
import dev.stowage.WriteFailedException;
import dev.stowage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The hostile-input table: traversal, control characters, over-long names, empty paths, bad
 * ranges, options and TTLs, and directory misuse. Each row runs in a directory seeded with
 * {@code f.txt}, {@code d/x.txt} (an implied directory) and {@code e} (an empty created directory).
 */
final class HostileCases {

  static final String SEED_FILE = "f.txt";

  /**
   * Where the traversal rows would land if they escaped: looked for in the kit root, in the root
   * of the filesystem the fixture opened and, where there is one, in every directory above it on
   * disk (there {@code etc/passwd} is watched for change, not absence).
   */
  static final java.util.List<String> LANDINGS =
      java.util.List.of("escape.txt", "copied.txt", "moved.txt", "evil", "etc/passwd");

  private HostileCases() {}

  static Stream<HostileCase> rows() {
    List<HostileCase> rows = new ArrayList<>();
    traversal(rows);
    controlCharacters(rows);
    lengths(rows);
    emptyPaths(rows);
    writeOptions(rows);
    rangesChecksumsAndUrls(rows);
    directoryMisuse(rows);
    return rows.stream();
  }

  private static void traversal(List<HostileCase> rows) {
    for (String p :
        List.of(
            "../escape.txt",
            "a/../../escape.txt",
            "..\\escape.txt",
            "/../escape.txt",
            "d/../../escape.txt",
            "./../../../../../../etc/passwd")) {
      path(rows, "write '" + p + "'", (fs, c, self) -> fs.write(p, "x"));
    }
    path(
        rows,
        "read '../<self>/f.txt' (escapes, even though it comes back)",
        (fs, c, self) -> fs.read("../" + self + "/" + SEED_FILE));
    path(rows, "copy to '../copied.txt'", (fs, c, self) -> fs.copy(SEED_FILE, "../copied.txt"));
    path(rows, "move to '../../moved.txt'", (fs, c, self) -> fs.move(SEED_FILE, "../../moved.txt"));
    path(
        rows,
        "delete '../<self>/f.txt'",
        (fs, c, self) -> fs.delete("../" + self + "/" + SEED_FILE));
    path(rows, "deleteDirectory '../<self>'", (fs, c, self) -> fs.deleteDirectory("../" + self));
    path(rows, "list '..'", (fs, c, self) -> fs.list("..").toList());
    path(rows, "createDirectory '../../evil'", (fs, c, self) -> fs.createDirectory("../../evil"));
    path(rows, "at('..') then write", (fs, c, self) -> fs.at("..").write("escape.txt", "x"));
  }

  private static void controlCharacters(List<HostileCase> rows) {
    for (String p :
        List.of(
            "nul\u0000.txt",
            "a\u0000/../../../etc/passwd",
            "new\nline.txt",
            "cr\r.txt",
            "tab\t.txt",
            "esc\u001b[31m.txt",
            "del\u007f.txt",
            "lone\ud800surrogate.txt")) {
      path(rows, "write '" + p + "'", (fs, c, self) -> fs.write(p, "x"));
    }
    path(rows, "copy to 'x\\u0000.txt'", (fs, c, self) -> fs.copy(SEED_FILE, "x\u0000.txt"));
    path(
        rows,
        "stat 'f.txt\\u0000' (no truncation at NUL)",
        (fs, c, self) -> fs.stat(SEED_FILE + "\u0000"));
  }

  private static void lengths(List<HostileCase> rows) {
    path(
        rows,
        "write a path of maxPathBytes + 1",
        (fs, c, self) -> fs.write(longPath("", c.maxPathBytes() + 1, c.maxSegmentBytes()), "x"));
    path(
        rows,
        "write a segment of maxSegmentBytes + 1",
        (fs, c, self) -> fs.write("n".repeat(c.maxSegmentBytes() + 1), "x"));
    path(
        rows,
        "write a segment of 2-byte characters over maxSegmentBytes",
        (fs, c, self) -> fs.write("é".repeat(c.maxSegmentBytes() / 2 + 1), "x"));
    path(
        rows,
        "write a path of 4-byte characters over maxPathBytes",
        (fs, c, self) ->
            fs.write(
                longPath("", c.maxPathBytes() + 1, c.maxSegmentBytes()).replace("aaaa", "😀"),
                "x"));
    path(
        rows,
        "copy to a destination of maxPathBytes + 1",
        (fs, c, self) ->
            fs.copy(SEED_FILE, longPath("", c.maxPathBytes() + 1, c.maxSegmentBytes())));
  }

  private static void emptyPaths(List<HostileCase> rows) {
    for (String p : List.of("", ".", "a/..", "./")) {
      if (p.endsWith("/")) {
        write(
            rows,
            "write '" + p + "' (a trailing slash names a directory)",
            null,
            IS_A_DIRECTORY,
            (fs, c, self) -> fs.write(p, "x"));
      } else {
        path(rows, "write '" + p + "' (the root is not a file)", (fs, c, self) -> fs.write(p, "x"));
      }
    }
    write(
        rows,
        "write '/' (the root, a directory)",
        null,
        IS_A_DIRECTORY,
        (fs, c, self) -> fs.write("/", "x"));
    write(
        rows,
        "write 'newdir/' (a trailing slash names a directory)",
        null,
        IS_A_DIRECTORY,
        (fs, c, self) -> fs.write("newdir/", "x"));
    rows.add(
        new HostileCase(
            "copy to 'newdir/'",
            (fs, c, self) -> fs.copy(SEED_FILE, "newdir/"),
            CopyFailedException.class,
            Set.of(IS_A_DIRECTORY),
            null));
    path(rows, "read ''", (fs, c, self) -> fs.read(""));
    path(rows, "copy to ''", (fs, c, self) -> fs.copy(SEED_FILE, ""));
    path(rows, "move to '.'", (fs, c, self) -> fs.move(SEED_FILE, "."));
    for (String p : List.of("", "/", "d/..")) {
      rows.add(
          new HostileCase(
              "deleteDirectory '" + p + "' (refuses the root)",
              (fs, c, self) -> fs.deleteDirectory(p),
              StorageException.class,
              Set.of(INVALID_INPUT),
              null));
    }
  }

  private static void writeOptions(List<HostileCase> rows) {
    write(
        rows,
        "write a stream with length -2",
        null,
        (fs, c, self) ->
            fs.write("n.txt", new ByteArrayInputStream(new byte[3]), -2, WriteOptions.DEFAULT));
    write(
        rows,
        "write a stream with length Long.MIN_VALUE",
        null,
        (fs, c, self) ->
            fs.write(
                "n.txt",
                new ByteArrayInputStream(new byte[3]),
                Long.MIN_VALUE,
                WriteOptions.DEFAULT));
    rows.add(
        new HostileCase(
                "write a stream that ends before its declared length",
                (fs, c, self) ->
                    fs.write(
                        "n.txt", new ByteArrayInputStream(new byte[5]), 10, WriteOptions.DEFAULT),
                WriteFailedException.class,
                Set.of(INVALID_INPUT),
                null)
            .afterIo());
    for (String key : List.of("", "has space", "new\nline", "ключ", "colon:key", "quote\"key")) {
      write(
          rows,
          "write with user metadata key '" + key + "'",
          Capability.USER_METADATA,
          (fs, c, self) ->
              fs.write("n.txt", "x", WriteOptions.builder().userMetadata(key, "v").build()));
    }
    write(
        rows,
        "write with a user metadata value containing CRLF",
        Capability.USER_METADATA,
        (fs, c, self) ->
            fs.write(
                "n.txt",
                "x",
                WriteOptions.builder().userMetadata("k", "v\r\nx-injected: 1").build()));
    write(
        rows,
        "write with content type containing CRLF",
        Capability.CONTENT_TYPE,
        (fs, c, self) ->
            fs.write(
                "n.txt",
                "x",
                WriteOptions.builder().contentType("text/plain\r\nX-Injected: 1").build()));
    write(
        rows,
        "write with content type 'no-slash'",
        Capability.CONTENT_TYPE,
        (fs, c, self) ->
            fs.write("n.txt", "x", WriteOptions.builder().contentType("no-slash").build()));
    write(
        rows,
        "write with Cache-Control containing CRLF",
        Capability.CACHE_CONTROL,
        (fs, c, self) ->
            fs.write(
                "n.txt",
                "x",
                WriteOptions.builder().cacheControl("no-cache\r\nX-Injected: 1").build()));
    write(
        rows,
        "write with Content-Disposition containing LF",
        Capability.CONTENT_DISPOSITION,
        (fs, c, self) ->
            fs.write(
                "n.txt",
                "x",
                WriteOptions.builder().contentDisposition("attachment\nX-Injected: 1").build()));
    write(
        rows,
        "write with Content-Encoding containing CR",
        Capability.CONTENT_ENCODING,
        (fs, c, self) ->
            fs.write(
                "n.txt",
                "x",
                WriteOptions.builder().contentEncoding("gzip\rX-Injected: 1").build()));
  }

  private static void rangesChecksumsAndUrls(List<HostileCase> rows) {
    for (ByteRange range :
        List.of(
            ByteRange.of(-1, 5),
            ByteRange.of(5, 2),
            ByteRange.from(-1),
            ByteRange.last(-1),
            ByteRange.of(Long.MIN_VALUE, 0))) {
      rows.add(
          new HostileCase(
              "readStream with range " + range,
              (fs, c, self) -> KitData.readAll(fs.readStream(SEED_FILE, range)),
              ReadFailedException.class,
              Set.of(INVALID_INPUT),
              Capability.RANGE_READ));
    }
    for (String algorithm : List.of("md4", "", "sha-512", "crc32", "sha256 ")) {
      rows.add(
          new HostileCase(
              "checksum with algorithm '" + algorithm + "'",
              (fs, c, self) -> fs.checksum(SEED_FILE, algorithm),
              ChecksumFailedException.class,
              Set.of(INVALID_INPUT),
              null));
    }
    url(
        rows,
        "temporaryUrl with ttl 0",
        Capability.TEMPORARY_URL,
        (fs, c, self) -> fs.temporaryUrl(SEED_FILE, Duration.ZERO));
    url(
        rows,
        "temporaryUrl with ttl -1s",
        Capability.TEMPORARY_URL,
        (fs, c, self) -> fs.temporaryUrl(SEED_FILE, Duration.ofSeconds(-1)));
    url(
        rows,
        "temporaryUrl with ttl beyond maxTemporaryUrlTtl",
        Capability.TEMPORARY_URL,
        (fs, c, self) -> fs.temporaryUrl(SEED_FILE, c.maxTemporaryUrlTtl().plusSeconds(1)));
    url(
        rows,
        "prepareUpload with ttl 0",
        Capability.PREPARE_UPLOAD,
        (fs, c, self) -> fs.prepareUpload("n.txt", Duration.ZERO, UploadConstraints.NONE));
    url(
        rows,
        "prepareUpload with ttl beyond maxTemporaryUrlTtl",
        Capability.PREPARE_UPLOAD,
        (fs, c, self) ->
            fs.prepareUpload("n.txt", c.maxTemporaryUrlTtl().plusDays(1), UploadConstraints.NONE));
    url(
        rows,
        "prepareUpload with content type containing CRLF",
        Capability.PREPARE_UPLOAD,
        (fs, c, self) ->
            fs.prepareUpload(
                "n.txt",
                Duration.ofMinutes(5),
                UploadConstraints.contentType("text/plain\r\nX-Injected: 1")));
  }

  private static void directoryMisuse(List<HostileCase> rows) {
    write(
        rows,
        "write onto implied directory 'd'",
        null,
        IS_A_DIRECTORY,
        (fs, c, self) -> fs.write("d", "x"));
    write(
        rows,
        "write onto created directory 'e'",
        null,
        IS_A_DIRECTORY,
        (fs, c, self) -> fs.write("e", "x"));
    write(
        rows,
        "openOutputStream onto directory 'd'",
        null,
        IS_A_DIRECTORY,
        (fs, c, self) -> {
          try (OutputStream out = fs.openOutputStream("d", WriteOptions.DEFAULT)) {
            out.write(1);
          }
        });
    rows.add(
        new HostileCase(
            "delete directory 'd' as a file",
            (fs, c, self) -> fs.delete("d"),
            DeleteFailedException.class,
            Set.of(IS_A_DIRECTORY),
            null));
    rows.add(
        new HostileCase(
            "copy onto directory 'd'",
            (fs, c, self) -> fs.copy(SEED_FILE, "d"),
            CopyFailedException.class,
            Set.of(IS_A_DIRECTORY),
            null));
    rows.add(
        new HostileCase(
            "move onto directory 'e'",
            (fs, c, self) -> fs.move(SEED_FILE, "e"),
            MoveFailedException.class,
            Set.of(IS_A_DIRECTORY),
            null));
    write(
        rows,
        "create-only write onto existing 'f.txt'",
        Capability.CREATE_ONLY,
        ALREADY_EXISTS,
        (fs, c, self) -> fs.write(SEED_FILE, "x", WriteOptions.builder().createOnly(true).build()));
  }

  private static void path(List<HostileCase> rows, String name, HostileCase.Action action) {
    rows.add(
        new HostileCase(name, action, PathRejectedException.class, Set.of(INVALID_INPUT), null));
  }

  private static void write(
      List<HostileCase> rows, String name, @Nullable Capability needs, HostileCase.Action action) {
    write(rows, name, needs, INVALID_INPUT, action);
  }

  private static void write(
      List<HostileCase> rows,
      String name,
      @Nullable Capability needs,
      StorageException.Kind kind,
      HostileCase.Action action) {
    rows.add(new HostileCase(name, action, WriteFailedException.class, Set.of(kind), needs));
  }

  private static void url(
      List<HostileCase> rows, String name, @Nullable Capability needs, HostileCase.Action action) {
    rows.add(new HostileCase(name, action, UrlFailedException.class, Set.of(INVALID_INPUT), needs));
  }

  /**
   * Returns {@code prefix} followed by segments of at most {@code maxSegment} ASCII bytes, so that
   * the whole is exactly {@code totalBytes} long (only the total exceeds a limit).
   */
  static String longPath(String prefix, int totalBytes, int maxSegment) {
    StringBuilder b = new StringBuilder(prefix);
    int segment = Math.max(1, Math.min(maxSegment, 200));
    while (b.length() < totalBytes) {
      int remaining = totalBytes - b.length();
      if (b.length() > prefix.length()) {
        b.append('/');
        remaining--;
      }
      b.append("a".repeat(Math.max(1, Math.min(segment, remaining))));
    }
    return b.toString();
  }
}
