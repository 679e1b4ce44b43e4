package dev.stowage.tck.mutants;

import dev.stowage.ByteRange;
import dev.stowage.Capabilities;
import dev.stowage.Checksum;
import dev.stowage.ChecksumAlgorithm;
import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.UploadConstraints;
import dev.stowage.UploadStream;
import dev.stowage.UploadTicket;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Mutant "lets {@code ..} escape": a filesystem whose views ({@link #at}) have a path resolution
 * bug. A path without {@code ..} goes to a correct view; a path with {@code ..} is joined to the
 * view's directory first and handed to the whole filesystem, so {@code ..} resolves after the
 * join: one level above a view lands in its parent instead of failing with PathRejectedException.
 * (Adapters only ever see normalised paths, so this mutant lives where paths are resolved.)
 */
final class EscapingView implements Filesystem {

  private final Filesystem base;
  private final String directory;
  private final Filesystem view;

  private EscapingView(Filesystem base, String directory) {
    this.base = base;
    this.directory = directory;
    this.view = directory.isEmpty() ? base : base.at(directory);
  }

  /** Returns the mutant over {@code base}; closing it closes {@code base}. */
  static Filesystem over(Filesystem base) {
    return new EscapingView(base, "");
  }

  private static boolean climbs(String path) {
    for (String segment : path.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private String joined(String path) {
    return directory.isEmpty() ? path : directory + "/" + path;
  }

  private <T> T on(String path, BiFunction<Filesystem, String, T> call) {
    return climbs(path) ? call.apply(base, joined(path)) : call.apply(view, path);
  }

  private <T> T on(
      String source,
      String destination,
      Function<Filesystem, T> viewCall,
      Function<Filesystem, T> baseCall) {
    return climbs(source) || climbs(destination) ? baseCall.apply(base) : viewCall.apply(view);
  }

  private void run(String path, java.util.function.BiConsumer<Filesystem, String> call) {
    on(
        path,
        (fs, p) -> {
          call.accept(fs, p);
          return null;
        });
  }

  @Override
  public boolean fileExists(String path) {
    return on(path, Filesystem::fileExists);
  }

  @Override
  public boolean directoryExists(String path) {
    return on(path, Filesystem::directoryExists);
  }

  @Override
  public boolean exists(String path) {
    return on(path, Filesystem::exists);
  }

  @Override
  public byte[] read(String path) {
    return on(path, Filesystem::read);
  }

  @Override
  public String readString(String path) {
    return on(path, (Filesystem fs, String p) -> fs.readString(p));
  }

  @Override
  public String readString(String path, Charset charset) {
    return on(path, (fs, p) -> fs.readString(p, charset));
  }

  @Override
  public InputStream readStream(String path) {
    return on(path, (Filesystem fs, String p) -> fs.readStream(p));
  }

  @Override
  public InputStream readStream(String path, ByteRange range) {
    return on(path, (fs, p) -> fs.readStream(p, range));
  }

  @Override
  public FileAttributes write(String path, byte[] data) {
    return on(path, (fs, p) -> fs.write(p, data));
  }

  @Override
  public FileAttributes write(String path, byte[] data, WriteOptions options) {
    return on(path, (fs, p) -> fs.write(p, data, options));
  }

  @Override
  public FileAttributes write(String path, String content) {
    return on(path, (fs, p) -> fs.write(p, content));
  }

  @Override
  public FileAttributes write(String path, String content, WriteOptions options) {
    return on(path, (fs, p) -> fs.write(p, content, options));
  }

  @Override
  public FileAttributes write(String path, InputStream source, WriteOptions options) {
    return on(path, (fs, p) -> fs.write(p, source, options));
  }

  @Override
  public FileAttributes write(String path, InputStream source, long length, WriteOptions options) {
    return on(path, (fs, p) -> fs.write(p, source, length, options));
  }

  @Override
  public FileAttributes write(String path, Path source, WriteOptions options) {
    return on(path, (fs, p) -> fs.write(p, source, options));
  }

  @Override
  public UploadStream openOutputStream(String path, WriteOptions options) {
    return on(path, (fs, p) -> fs.openOutputStream(p, options));
  }

  @Override
  public FileAttributes stat(String path) {
    return on(path, Filesystem::stat);
  }

  @Override
  public long fileSize(String path) {
    return on(path, Filesystem::fileSize);
  }

  @Override
  public Instant lastModified(String path) {
    return on(path, Filesystem::lastModified);
  }

  @Override
  public String mimeType(String path) {
    return on(path, Filesystem::mimeType);
  }

  @Override
  public Visibility visibility(String path) {
    return on(path, Filesystem::visibility);
  }

  @Override
  public DirectoryListing list(String path) {
    return on(path, (Filesystem fs, String p) -> fs.list(p));
  }

  @Override
  public DirectoryListing list(String path, boolean deep) {
    return on(path, (fs, p) -> fs.list(p, deep));
  }

  @Override
  public void createDirectory(String path) {
    run(path, Filesystem::createDirectory);
  }

  @Override
  public void createDirectory(String path, Visibility visibility) {
    run(path, (fs, p) -> fs.createDirectory(p, visibility));
  }

  @Override
  public void deleteDirectory(String path) {
    run(path, Filesystem::deleteDirectory);
  }

  @Override
  public FileAttributes copy(String source, String destination) {
    return on(
        source,
        destination,
        fs -> fs.copy(source, destination),
        fs -> fs.copy(joined(source), joined(destination)));
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    return on(
        source,
        destination,
        fs -> fs.copy(source, destination, options),
        fs -> fs.copy(joined(source), joined(destination), options));
  }

  @Override
  public FileAttributes move(String source, String destination) {
    return on(
        source,
        destination,
        fs -> fs.move(source, destination),
        fs -> fs.move(joined(source), joined(destination)));
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    return on(
        source,
        destination,
        fs -> fs.move(source, destination, options),
        fs -> fs.move(joined(source), joined(destination), options));
  }

  @Override
  public void delete(String path) {
    run(path, Filesystem::delete);
  }

  @Override
  public void setVisibility(String path, Visibility visibility) {
    run(path, (fs, p) -> fs.setVisibility(p, visibility));
  }

  @Override
  public Checksum checksum(String path) {
    return on(path, (Filesystem fs, String p) -> fs.checksum(p));
  }

  @Override
  public Checksum checksum(String path, ChecksumAlgorithm algorithm) {
    return on(path, (fs, p) -> fs.checksum(p, algorithm));
  }

  @Override
  public Checksum checksum(String path, String algorithm) {
    return on(path, (fs, p) -> fs.checksum(p, algorithm));
  }

  @Override
  public URI publicUrl(String path) {
    return on(path, Filesystem::publicUrl);
  }

  @Override
  public URI temporaryUrl(String path, Duration ttl) {
    return on(path, (fs, p) -> fs.temporaryUrl(p, ttl));
  }

  @Override
  public UploadTicket prepareUpload(String path, Duration ttl, UploadConstraints constraints) {
    return on(path, (fs, p) -> fs.prepareUpload(p, ttl, constraints));
  }

  @Override
  public Filesystem at(String dir) {
    return new EscapingView(base, joined(dir));
  }

  @Override
  public Capabilities capabilities() {
    return base.capabilities();
  }

  @Override
  public void close() {
    if (directory.isEmpty()) {
      base.close();
    }
  }
}
