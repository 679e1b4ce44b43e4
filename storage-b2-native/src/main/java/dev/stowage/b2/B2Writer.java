package dev.stowage.b2;

import dev.stowage.ChecksumAlgorithm;
import dev.stowage.FileAttributes;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2CopyFileRequest;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2UploadFileRequest;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.DigestingInputStream;
import dev.stowage.spi.PartUploader;
import dev.stowage.spi.Transfer;
import dev.stowage.spi.WritePlan;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files as the shared {@link WritePlan} decides: one {@code b2_upload_file} for small ones,
 * a large file in parallel parts above the cutoff.
 *
 * <ul>
 *   <li>bytes: SHA-1 computed up front (and stored as {@code large_file_sha1} for large files);
 *   <li>local files: small ones streamed once with {@code hex_digits_at_end}; large ones hashed
 *       first (one extra read, stored as {@code large_file_sha1}), then read part by part by
 *       position, never buffered; {@code src_last_modified_millis} is the file's modification time;
 *   <li>streams: at most one part is buffered to choose; a stream that fits goes as one upload
 *       from that buffer (so it can be retried), a longer one in parts, hashed on the way. As its
 *       SHA-1 is known only at the end, the finished file (up to 5 GB) is then copied server-side
 *       onto itself with {@code large_file_sha1} added and the unverified version deleted, so
 *       that reads can verify it; a larger one stays without a whole-file SHA-1 (B2 checked each
 *       part's SHA-1 on upload, reads cannot check the whole).
 * </ul>
 * Every simple upload takes its own upload URL from the pool and gives it back only after success.
 */
final class B2Writer {
  static final String AUTO_TYPE = "b2/x-auto";
  private static final Logger LOG = LoggerFactory.getLogger(B2Writer.class);

  /** Opens the bytes of a simple upload again for each attempt. */
  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  /** Runs the part uploader over the source, with the session it is given. */
  @FunctionalInterface
  private interface PartRun {
    FileAttributes upload(PartUploader uploader, LargeFileSession session) throws IOException;
  }

  private final B2Context ctx;

  B2Writer(B2Context ctx) {
    this.ctx = ctx;
  }

  FileAttributes write(String path, WriteSource source, WriteOptions options) {
    B2Context.checkContentType(options.contentType());
    ctx.checkVisibility(options.visibility());
    Map<String, String> info = info(options);
    String type = options.contentType() != null ? options.contentType() : AUTO_TYPE;
    String fileName = ctx.bucket.fileName(path);
    Sizes sizes = ctx.sizes();
    try {
      WritePlan plan = WritePlan.of(path, source, sizes::isLarge, sizes.streamLimit());
      if (source instanceof WriteSource.File) {
        Path file = ((WriteSource.File) source).path();
        info.put(
            Attributes.LAST_MODIFIED, Long.toString(Files.getLastModifiedTime(file).toMillis()));
      }
      if (plan instanceof WritePlan.Once) {
        WritePlan.Once once = (WritePlan.Once) plan;
        java.nio.file.Path file = once.file();
        if (file != null) {
          // Streamed once with hex_digits_at_end: B2 checks the SHA-1 sent after the bytes.
          return simple(
              path, fileName, type, info, once.length(), null, () -> open(file), source.transfer());
        }
        byte[] data = Objects.requireNonNull(once.bytes(), "a single request has bytes or a file");
        return simple(
            path,
            fileName,
            type,
            info,
            data.length,
            sha1(data, data.length),
            () -> new ByteArrayInputStream(data),
            source.transfer());
      }
      WritePlan.Parts parts = (WritePlan.Parts) plan;
      long partSize = parts.length() >= 0 ? sizes.partSizeFor(parts.length()) : sizes.partSize();
      int streamConcurrency =
          parts.length() >= 0
              ? PartUploader.concurrencyWithin(
                  ctx.config.memoryBudget(), partSize, sizes.streamConcurrency())
              : sizes.streamConcurrency();
      if (parts.bytes() != null) {
        info.put(Attributes.LARGE_FILE_SHA1, sha1(parts.bytes(), parts.bytes().length));
        return large(path, fileName, type, info, partSize, streamConcurrency, parts::upload);
      }
      if (parts.file() != null) {
        info.put(Attributes.LARGE_FILE_SHA1, sha1(parts.file()));
        return large(path, fileName, type, info, partSize, ctx.config.concurrency(), parts::upload);
      }
      // A stream: hashed on the way, made verifiable once its SHA-1 is known.
      DigestingInputStream hashed =
          new DigestingInputStream(
              Objects.requireNonNull(
                  parts.stream(), "a plan of parts has bytes, a file or a stream"),
              ChecksumAlgorithm.SHA1);
      if (parts.head() != null) {
        hashed.prepend(parts.head().bytes());
      }
      WritePlan.Parts hashedParts = parts.withStream(hashed);
      return verifiable(
          path,
          type,
          info,
          hashed,
          startAndRun(
              path, fileName, type, info, partSize, streamConcurrency, hashedParts::upload));
    } catch (IOException e) {
      throw B2Errors.translate(e);
    }
  }

  /** A finished large file and the session that made it. */
  private record Finished(FileAttributes attributes, LargeFileSession session) {}

  /**
   * Makes a large file written from a stream verifiable: copies it onto its own name with
   * {@code large_file_sha1} (the SHA-1 of the bytes sent) and deletes the version without it, so
   * that a reader always finds the file. When B2 reports a SHA-1 for the copy that differs from
   * the bytes sent, both versions are deleted and the write fails with INTEGRITY. Files over 5 GB
   * (the {@code b2_copy_file} limit) and copies that fail otherwise keep the unverified version.
   */
  private FileAttributes verifiable(
      String path,
      String type,
      Map<String, String> info,
      DigestingInputStream hashed,
      Finished finished)
      throws IOException {
    String sha1 = hashed.checksum().hex();
    B2FileVersion original = finished.session().finished();
    if (original == null || original.contentLength() > B2Config.MAX_COPY_FILE_BYTES) {
      return finished.attributes();
    }
    Map<String, String> withSha1 = new HashMap<>(info);
    withSha1.put(Attributes.LARGE_FILE_SHA1, sha1);
    String contentType = original.contentType() != null ? original.contentType() : type;
    B2FileVersion copy;
    // B2 copies server-side; allow the operation timeout plus a second per 50 MB for it.
    java.time.Duration copyDeadline =
        ctx.config.timeouts().operation().plusSeconds(original.contentLength() / 50_000_000L);
    try {
      copy =
          ctx.retries
              .withDeadline(copyDeadline)
              .call(
                  () ->
                      ctx.client.copyFile(
                          new B2CopyFileRequest(
                              original.fileId(),
                              original.fileName(),
                              null,
                              null,
                              "REPLACE",
                              contentType,
                              withSha1)));
    } catch (BackendException e) {
      LOG.warn(
          "'{}' was written but could not be given its SHA-1 ({}); reads of it are not verified",
          path,
          e.getMessage());
      return finished.attributes();
    }
    String copied = copy.sha1OrNull();
    if (copied != null && !copied.equals(sha1)) {
      deleteQuietly(path, copy);
      deleteQuietly(path, original);
      throw BackendException.of(
          StorageException.Kind.INTEGRITY,
          "expected sha1 " + sha1 + " (the bytes sent), got " + copied + " from B2's copy of them");
    }
    deleteQuietly(path, original);
    return Attributes.of(path, copy, ctx.bucket.visibility());
  }

  private void deleteQuietly(String path, B2FileVersion v) {
    try {
      ctx.retries.call(() -> ctx.client.deleteFileVersion(v.fileName(), v.fileId()));
    } catch (BackendException e) {
      LOG.warn("could not delete a superseded version of '{}': {}", path, e.getMessage());
    }
  }

  private FileAttributes simple(
      String path,
      String fileName,
      String type,
      Map<String, String> info,
      long length,
      @Nullable String sha1,
      Opener opener,
      Transfer transfer) {
    B2UploadFileRequest request = new B2UploadFileRequest(fileName, type, length, sha1, info);
    B2FileVersion uploaded =
        ctx.retries.call(
            () -> {
              UploadUrlPool.Lease lease = ctx.uploadUrls.acquire();
              try (InputStream in = opener.open()) {
                B2FileVersion v = ctx.client.uploadFile(lease.url(), request, in);
                lease.release();
                checkAnswer(v, length, sha1);
                return v;
              }
            },
            transfer.retryHook(null));
    return Attributes.of(path, uploaded, ctx.bucket.visibility());
  }

  /**
   * Refuses an upload answer that does not describe the bytes sent (a reply damaged on the way):
   * the attempt fails as a broken connection would, so it is retried rather than reported with a
   * wrong size or digest.
   */
  static void checkAnswer(B2FileVersion v, long length, @Nullable String sha1) throws IOException {
    if (length >= 0 && v.contentLength() != length) {
      throw new IOException(
          "B2's answer reports " + v.contentLength() + " bytes stored, " + length + " were sent");
    }
    if (sha1 != null && v.contentSha1() != null && !v.contentSha1().equals(sha1)) {
      throw new IOException(
          "B2's answer reports sha1 " + v.contentSha1() + " stored, " + sha1 + " was sent");
    }
  }

  private FileAttributes large(
      String path,
      String fileName,
      String type,
      Map<String, String> info,
      long partSize,
      int concurrency,
      PartRun run)
      throws IOException {
    return startAndRun(path, fileName, type, info, partSize, concurrency, run).attributes();
  }

  private Finished startAndRun(
      String path,
      String fileName,
      String type,
      Map<String, String> info,
      long partSize,
      int concurrency,
      PartRun run)
      throws IOException {
    PartUploader uploader =
        PartUploader.builder().partSize(partSize).concurrency(concurrency).build();
    LargeFileSession session = LargeFileSession.start(ctx, path, null, fileName, type, info);
    return new Finished(run.upload(uploader, session), session);
  }

  /** Opens a local file for one upload attempt; its failures are the caller's, not the network's. */
  private static InputStream open(Path file) {
    try {
      return LocalSourceException.guard(Files.newInputStream(file));
    } catch (IOException e) {
      throw new LocalSourceException(e);
    }
  }

  /** Returns the file info of a write, refusing user metadata that would clash with B2's own names. */
  private static Map<String, String> info(WriteOptions options) {
    for (String key : options.userMetadata().keySet()) {
      if (Attributes.isReserved(key)) {
        throw BackendException.of(
            StorageException.Kind.INVALID_INPUT,
            "user metadata key '" + key + "' is reserved by B2");
      }
    }
    return Attributes.info(options);
  }

  static String sha1(byte[] data, int length) {
    MessageDigest d = newDigest();
    d.update(data, 0, length);
    return HexFormat.of().formatHex(d.digest());
  }

  /**
   * Hashes a local file (its failures are the caller's, not the network's), reading on this thread
   * while another hashes: the pass costs the hash alone, not the read plus the hash.
   */
  private static String sha1(Path file) {
    byte[] buffer = new byte[1 << 20];
    try (DigestingInputStream in =
        new DigestingInputStream(Files.newInputStream(file), ChecksumAlgorithm.SHA1)) {
      while (in.read(buffer) >= 0) {
        // every byte read is hashed
      }
      return in.checksum().hex();
    } catch (IOException e) {
      throw new LocalSourceException(e);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-1", e);
    }
  }
}
