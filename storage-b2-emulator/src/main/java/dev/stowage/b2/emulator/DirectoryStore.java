package dev.stowage.b2.emulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A store in a data directory that survives a restart. Layout:
 * <pre>
 * account.json
 * buckets/BUCKET_ID.json
 * files/FILE_ID.json          (every version: uploads, hide markers, unfinished large files)
 * parts/FILE_ID/N.json
 * keys/KEY_ID.json
 * blobs/BLOB_ID               (file and part bytes)
 * </pre>
 * Each metadata file is written to a temporary file and moved into place atomically, so a crash leaves either
 * the old or the new record. Blobs are streamed to a temporary file and renamed on commit. The account and key
 * records hold secrets, so every directory is created 0700 and every file 0600 from the start, and an existing
 * directory is narrowed to that at start-up.
 */
final class DirectoryStore implements Store {
  private static final String TMP = ".tmp";

  private final Path root;
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  DirectoryStore(Path root) throws IOException {
    this.root = root;
    OwnerOnly.createDirectories(root);
    for (String dir : List.of("buckets", "files", "parts", "keys", "blobs")) {
      OwnerOnly.createDirectories(root.resolve(dir));
    }
    OwnerOnly.tighten(root);
  }

  @Override
  public Snapshot load() throws IOException {
    Path accountFile = root.resolve("account.json");
    Account account =
        Files.exists(accountFile) ? json.readValue(accountFile.toFile(), Account.class) : null;
    List<Part> parts = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("parts"))) {
      for (Path dir : dirs) {
        parts.addAll(readAll(dir, Part.class));
      }
    }
    deleteTemporaryBlobs();
    return new Snapshot(
        account,
        readAll(root.resolve("buckets"), Bucket.class),
        readAll(root.resolve("files"), FileVersion.class),
        parts,
        readAll(root.resolve("keys"), AppKey.class));
  }

  private <T> List<T> readAll(Path dir, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(TMP)) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(".json")) {
          out.add(json.readValue(file.toFile(), type));
        }
      }
    }
    return out;
  }

  private void deleteTemporaryBlobs() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("blobs"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(TMP)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Override
  public void putAccount(Account account) {
    write(root.resolve("account.json"), account);
  }

  @Override
  public void putBucket(Bucket bucket) {
    write(root.resolve("buckets").resolve(bucket.bucketId() + ".json"), bucket);
  }

  @Override
  public void removeBucket(String bucketId) {
    delete(root.resolve("buckets").resolve(bucketId + ".json"));
  }

  @Override
  public void putVersion(FileVersion version) {
    write(root.resolve("files").resolve(version.fileId() + ".json"), version);
  }

  @Override
  public void removeVersion(String fileId) {
    delete(root.resolve("files").resolve(fileId + ".json"));
    Path parts = root.resolve("parts").resolve(fileId);
    delete(parts);
  }

  @Override
  public void putPart(Part part) {
    Path dir = root.resolve("parts").resolve(part.fileId());
    try {
      OwnerOnly.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(dir.resolve(part.partNumber() + ".json"), part);
  }

  @Override
  public void removePart(String fileId, int partNumber) {
    Path dir = root.resolve("parts").resolve(fileId);
    delete(dir.resolve(partNumber + ".json"));
    delete(dir);
  }

  @Override
  public void putKey(AppKey key) {
    write(root.resolve("keys").resolve(key.applicationKeyId() + ".json"), key);
  }

  @Override
  public void removeKey(String applicationKeyId) {
    delete(root.resolve("keys").resolve(applicationKeyId + ".json"));
  }

  private void write(Path target, Object value) {
    Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TMP);
    try {
      try (OutputStream out =
          Channels.newOutputStream(
              Files.newByteChannel(
                  tmp,
                  EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  OwnerOnly.file(tmp)))) {
        json.writeValue(out, value);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the temporary file is removed at the next start-up
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file, or a directory if it is empty; anything else is left alone. */
  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      // a parts directory that still holds parts stays
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public BlobSink newBlob() throws IOException {
    String id = UUID.randomUUID().toString();
    Path tmp = root.resolve("blobs").resolve(id + TMP);
    OutputStream out =
        Channels.newOutputStream(
            Files.newByteChannel(
                tmp,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                OwnerOnly.file(tmp)));
    return new BlobSink() {
      private boolean committed;

      @Override
      public OutputStream stream() {
        return out;
      }

      @Override
      public String commit() throws IOException {
        out.close();
        Files.move(tmp, root.resolve("blobs").resolve(id), StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return id;
      }

      @Override
      public void abort() {
        if (!committed) {
          try {
            out.close();
            Files.deleteIfExists(tmp);
          } catch (IOException ignored) {
            // the temporary file is removed at the next start-up
          }
        }
      }
    };
  }

  @Override
  public InputStream openBlob(String blobId, long offset) throws IOException {
    SeekableByteChannel channel = Files.newByteChannel(root.resolve("blobs").resolve(blobId));
    channel.position(offset);
    return Channels.newInputStream(channel);
  }

  @Override
  public void deleteBlob(String blobId) {
    try {
      Files.deleteIfExists(root.resolve("blobs").resolve(blobId));
    } catch (NoSuchFileException ignored) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {}
}
