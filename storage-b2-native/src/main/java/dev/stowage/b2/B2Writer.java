package dev.stowage.b2;

import dev.stowage.FileAttributes;
import dev.stowage.Operation;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import dev.stowage.b2.client.B2FileVersion;
import dev.stowage.b2.client.B2UploadFileRequest;
import dev.stowage.spi.PartUploader;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes files: one {@code b2_upload_file} for small ones, a large file in parallel parts above
 * the cutoff.
 *
 * <ul>
 *   <li>bytes: SHA-1 computed up front (and stored as {@code large_file_sha1} for large files);
 *   <li>local files: streamed once with {@code hex_digits_at_end}; large ones read part by part by
 *       position, never buffered; {@code src_last_modified_millis} is the file's modification time;
 *   <li>streams: at most one part is buffered to choose; a stream that fits goes as one upload
 *       from that buffer (so it can be retried), a longer one in parts.
 * </ul>
 * Every simple upload takes its own upload URL from the pool and gives it back only after success.
 */
final class B2Writer {
  static final String AUTO_TYPE = "b2/x-auto";

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
    B2Context.checkContentType(options.contentType(), Operation.WRITE, path, null);
    ctx.checkVisibility(options.visibility(), Operation.WRITE, path, null);
    Map<String, String> info = info(path, options);
    String type = options.contentType() != null ? options.contentType() : AUTO_TYPE;
    String fileName = ctx.bucket.fileName(path);
    Sizes sizes = ctx.sizes(Operation.WRITE, path);
    try {
      if (source instanceof WriteSource.Bytes) {
        byte[] data = ((WriteSource.Bytes) source).data();
        String sha1 = sha1(data, data.length);
        if (sizes.isLarge(data.length)) {
          info.put(Attributes.LARGE_FILE_SHA1, sha1);
          return large(path, fileName, type, info, sizes.partSizeFor(data.length),
              (up, s) -> up.upload(new ByteArrayInputStream(data), data.length, s));
        }
        return simple(path, fileName, type, info, data.length, sha1, () -> new ByteArrayInputStream(data));
      }
      if (source instanceof WriteSource.File) {
        Path file = ((WriteSource.File) source).path();
        long length = source.length() >= 0 ? source.length() : Files.size(file);
        info.put(Attributes.LAST_MODIFIED, Long.toString(Files.getLastModifiedTime(file).toMillis()));
        if (sizes.isLarge(length)) {
          return large(path, fileName, type, info, sizes.partSizeFor(length), (up, s) -> up.upload(file, s));
        }
        return simple(path, fileName, type, info, length, null, () -> open(file));
      }
      return writeStream(path, (WriteSource.Stream) source, fileName, type, info, sizes);
    } catch (IOException e) {
      throw B2Errors.translate(Operation.WRITE, path, null, e);
    }
  }

  private FileAttributes writeStream(String path, WriteSource.Stream source, String fileName,
      String type, Map<String, String> info, Sizes sizes) throws IOException {
    InputStream in = source.in();
    long length = source.length();
    if (length >= 0 && (sizes.isLarge(length) || length > sizes.streamLimit())) {
      return large(path, fileName, type, info, sizes.partSizeFor(length), (up, s) -> up.upload(in, length, s));
    }
    if (length >= 0) {
      byte[] data = in.readNBytes((int) length);
      if (data.length < length) {
        throw StorageException.of(Operation.WRITE, path, StorageException.Kind.INVALID_INPUT,
            "the stream ended after " + data.length + " of " + length + " bytes", null);
      }
      return simple(path, fileName, type, info, length, sha1(data, data.length), () -> new ByteArrayInputStream(data));
    }
    PartUploader.Head head = PartUploader.readHead(in, (int) sizes.streamLimit());
    if (head.ended()) {
      byte[] data = head.bytes();
      return simple(path, fileName, type, info, data.length, sha1(data, data.length), () -> new ByteArrayInputStream(data));
    }
    return large(path, fileName, type, info, sizes.partSize(), (up, s) -> up.upload(head, in, s));
  }

  private FileAttributes simple(String path, String fileName, String type, Map<String, String> info,
      long length, String sha1, Opener opener) {
    B2UploadFileRequest request = new B2UploadFileRequest(fileName, type, length, sha1, info);
    B2FileVersion uploaded = ctx.retries.call(Operation.WRITE, path, null, () -> {
      UploadUrlPool.Lease lease = ctx.uploadUrls.acquire();
      try (InputStream in = opener.open()) {
        B2FileVersion v = ctx.client.uploadFile(lease.url(), request, in);
        lease.release();
        return v;
      }
    });
    return Attributes.of(path, uploaded, ctx.bucket.visibility());
  }

  private FileAttributes large(String path, String fileName, String type, Map<String, String> info,
      long partSize, PartRun run) throws IOException {
    PartUploader uploader = PartUploader.builder()
        .partSize(partSize)
        .concurrency(ctx.config.concurrency())
        .build();
    LargeFileSession session = LargeFileSession.start(ctx, Operation.WRITE, path, null, fileName, type, info);
    return run.upload(uploader, session);
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
  private static Map<String, String> info(String path, WriteOptions options) {
    for (String key : options.userMetadata().keySet()) {
      if (Attributes.isReserved(key)) {
        throw StorageException.of(Operation.WRITE, path, StorageException.Kind.INVALID_INPUT,
            "user metadata key '" + key + "' is reserved by B2", null);
      }
    }
    return Attributes.info(options);
  }

  static String sha1(byte[] data, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-1");
      d.update(data, 0, length);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-1", e);
    }
  }
}
