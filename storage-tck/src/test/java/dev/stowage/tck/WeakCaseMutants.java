package dev.stowage.tck;

import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.PathRejectedException;
import dev.stowage.StorageException.Kind;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import dev.stowage.spi.BackendException;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.spi.WriteSource;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Filesystems and adapters broken on purpose, each in the one way a kit case is about. */
final class WeakCaseMutants {

  private static final Set<String> VIEW_METHODS =
      Set.of("capabilities", "close", "toString", "hashCode", "equals");

  private WeakCaseMutants() {}

  /**
   * A facade that resolves {@code ..} by clamping at its root, does the call, and only then
   * refuses a path that climbed above its view: the I/O has happened, the error looks right.
   */
  static Filesystem ioThenRefuse(Filesystem root) {
    return ioThenRefuse(root, "");
  }

  private static Filesystem ioThenRefuse(Filesystem root, String prefix) {
    return (Filesystem)
        Proxy.newProxyInstance(
            Filesystem.class.getClassLoader(),
            new Class<?>[] {Filesystem.class},
            (proxy, method, args) -> {
              if (method.getName().equals("at")) {
                return ioThenRefuse(root, clamp(prefix, (String) args[0]).path);
              }
              if (VIEW_METHODS.contains(method.getName())
                  || args == null
                  || !(args[0] instanceof String)) {
                return invoke(method, prefix.isEmpty() ? root : root.at(prefix), args);
              }
              Object[] mapped = args.clone();
              boolean escaped = false;
              int paths =
                  method.getName().equals("copy") || method.getName().equals("move") ? 2 : 1;
              for (int i = 0; i < paths; i++) {
                Clamped c = clamp(prefix, (String) args[i]);
                mapped[i] = c.path;
                escaped |= c.escaped;
              }
              if (!escaped) {
                return invoke(method, root, mapped);
              }
              try {
                invoke(method, root, mapped);
              } catch (Throwable ignored) {
                // refused below anyway
              }
              throw PathRejectedException.traversal((String) args[0]);
            });
  }

  /** A facade that looks at the backend before handing every call to the real one. */
  static Filesystem peekFirst(Filesystem real) {
    return (Filesystem)
        Proxy.newProxyInstance(
            Filesystem.class.getClassLoader(),
            new Class<?>[] {Filesystem.class},
            (proxy, method, args) -> {
              if (method.getName().equals("at")) {
                return peekFirst(real.at((String) args[0]));
              }
              if (!VIEW_METHODS.contains(method.getName())) {
                real.fileExists("peek.txt");
              }
              return invoke(method, real, args);
            });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private record Clamped(String path, boolean escaped) {}

  private static Clamped clamp(String prefix, String path) {
    String joined = (prefix.isEmpty() ? "" : prefix + "/") + path.replace('\\', '/');
    int floor = prefix.isEmpty() ? 0 : prefix.split("/").length;
    Deque<String> parts = new ArrayDeque<>();
    boolean escaped = false;
    for (String segment : joined.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        escaped |= parts.size() <= floor;
        parts.pollLast();
        continue;
      }
      parts.addLast(segment);
    }
    String clamped = String.join("/", parts);
    return new Clamped(path.endsWith("/") && !clamped.isEmpty() ? clamped + "/" : clamped, escaped);
  }

  /**
   * An adapter with a pool of 50 read connections, as an HTTP client has; with {@code leak} a
   * stream's close does not give its connection back. A read finding the pool empty for 2
   * seconds fails.
   */
  static FilesystemAdapter pooled(FilesystemAdapter delegate, boolean leak) {
    Semaphore pool = new Semaphore(50);
    return new ForwardingAdapter(delegate) {
      @Override
      public InputStream read(String path, dev.stowage.ByteRange range) {
        try {
          if (!pool.tryAcquire(2, TimeUnit.SECONDS)) {
            throw BackendException.of(Kind.UNAVAILABLE, "no free connection in the pool of 50");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw BackendException.of(Kind.UNAVAILABLE, "interrupted", e);
        }
        return new FilterInputStream(super.read(path, range)) {
          private boolean closed;

          @Override
          public void close() throws IOException {
            super.close();
            if (!closed && !leak) {
              pool.release();
            }
            closed = true;
          }
        };
      }
    };
  }

  /** An adapter that declares its path limit but refuses keys within 16 bytes of it. */
  static FilesystemAdapter shortPaths(FilesystemAdapter delegate) {
    return new ForwardingAdapter(delegate) {
      @Override
      public FileAttributes write(String path, WriteSource source, WriteOptions options) {
        if (path.getBytes(StandardCharsets.UTF_8).length > capabilities().maxPathBytes() - 16) {
          throw BackendException.of(Kind.INVALID_INPUT, "key too long for this store");
        }
        return super.write(path, source, options);
      }
    };
  }

  /** An adapter that, when a stream source fails part-way, stores what it had read. */
  static FilesystemAdapter commitsPartial(FilesystemAdapter delegate) {
    return new ForwardingAdapter(delegate) {
      @Override
      public FileAttributes write(String path, WriteSource source, WriteOptions options) {
        if (!(source instanceof WriteSource.Stream)) {
          return super.write(path, source, options);
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        InputStream in = ((WriteSource.Stream) source).in();
        try {
          for (int n; (n = in.read(buffer)) != -1; ) {
            got.write(buffer, 0, n);
          }
        } catch (IOException | RuntimeException e) {
          super.write(path, WriteSource.of(got.toByteArray()), options);
          throw BackendException.of(Kind.UNEXPECTED, "the source failed", e);
        }
        return super.write(path, WriteSource.of(got.toByteArray()), options);
      }
    };
  }

  /**
   * An adapter that stores every file public but remembers the visibility asked for and reports
   * that: read back through the adapter, visibility looks right.
   */
  static FilesystemAdapter lyingVisibility(FilesystemAdapter delegate) {
    Map<String, Visibility> told = new ConcurrentHashMap<>();
    return new ForwardingAdapter(delegate) {
      @Override
      public FileAttributes write(String path, WriteSource source, WriteOptions options) {
        Visibility asked = options.visibility() == null ? Visibility.PUBLIC : options.visibility();
        FileAttributes written =
            super.write(path, source, options.toBuilder().visibility(Visibility.PUBLIC).build());
        told.put(path, asked);
        return written.withVisibility(asked);
      }

      @Override
      public FileAttributes stat(String path) {
        FileAttributes real = super.stat(path);
        return real.withVisibility(told.getOrDefault(path, real.visibility()));
      }

      @Override
      public void setVisibility(String path, Visibility visibility) {
        super.setVisibility(path, Visibility.PUBLIC);
        told.put(path, visibility);
      }
    };
  }
}
