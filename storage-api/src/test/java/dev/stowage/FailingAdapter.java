package dev.stowage;

import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Wraps an adapter and stages failures per operation name ("read", "write", "stat", "list"…). */
public final class FailingAdapter extends ForwardingAdapter {

  private final Map<String, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();
  private volatile int readFailsAfterBytes = -1;
  private volatile IOException readFailure;
  private volatile int listFailsAfter = -1;
  private volatile RuntimeException listFailure;

  public FailingAdapter(FilesystemAdapter delegate) {
    super(delegate);
  }

  /** Makes calls of {@code operation} throw what {@code failure} supplies. */
  public FailingAdapter failOn(String operation, Supplier<RuntimeException> failure) {
    failures.put(operation, failure);
    return this;
  }

  /** Makes read streams fail with {@code failure} after {@code bytes} bytes. */
  public FailingAdapter failReadsAfter(int bytes, IOException failure) {
    this.readFailsAfterBytes = bytes;
    this.readFailure = failure;
    return this;
  }

  /** Makes listings fail with {@code failure} after {@code entries} entries. */
  public FailingAdapter failListingAfter(int entries, RuntimeException failure) {
    this.listFailsAfter = entries;
    this.listFailure = failure;
    return this;
  }

  private void maybeFail(String operation) {
    Supplier<RuntimeException> f = failures.get(operation);
    if (f != null) {
      throw f.get();
    }
  }

  @Override
  public boolean fileExists(String path) {
    maybeFail("fileExists");
    return super.fileExists(path);
  }

  @Override
  public boolean directoryExists(String path) {
    maybeFail("directoryExists");
    return super.directoryExists(path);
  }

  @Override
  public InputStream read(String path, ByteRange range) {
    maybeFail("read");
    InputStream in = super.read(path, range);
    int limit = readFailsAfterBytes;
    if (limit < 0) {
      return in;
    }
    IOException failure = readFailure;
    return new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served >= limit) {
          throw failure;
        }
        int b = in.read();
        if (b >= 0) {
          served++;
        }
        return b;
      }
    };
  }

  @Override
  public FileAttributes write(String path, WriteSource source, WriteOptions options) {
    maybeFail("write");
    return super.write(path, source, options);
  }

  @Override
  public FileAttributes stat(String path) {
    maybeFail("stat");
    return super.stat(path);
  }

  @Override
  public Iterator<StorageAttributes> list(String path, boolean deep) {
    maybeFail("list");
    Iterator<StorageAttributes> it = super.list(path, deep);
    int limit = listFailsAfter;
    if (limit < 0) {
      return it;
    }
    RuntimeException failure = listFailure;
    return new Iterator<>() {
      private int served;

      @Override
      public boolean hasNext() {
        if (served >= limit) {
          throw failure;
        }
        return it.hasNext();
      }

      @Override
      public StorageAttributes next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        served++;
        return it.next();
      }
    };
  }

  @Override
  public FileAttributes copy(String source, String destination, WriteOptions options) {
    maybeFail("copy");
    return super.copy(source, destination, options);
  }

  @Override
  public FileAttributes move(String source, String destination, WriteOptions options) {
    maybeFail("move");
    return super.move(source, destination, options);
  }

  @Override
  public void delete(String path) {
    maybeFail("delete");
    super.delete(path);
  }
}
