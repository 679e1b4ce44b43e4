package dev.stowage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.Filesystem;
import dev.stowage.PathRejectedException;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.tck.runner.KitCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proof that the kit's hostile-input case looks for escapes on the real disk above a local
 * adapter's root: a facade that clamps {@code ..} at the directory above the root, writes, and
 * only then refuses, leaves a file there, and the case names it.
 */
class LocalEscapeMutantTest {

  @Test
  void hostileInput_escapeAboveTheLocalRoot_caughtOnDisk() {
    Map<String, KitCases.Outcome> rows =
        KitCases.run(EscapingLocalKit.class, "hostileInput_rejectedBeforeIo_nothingChanged");

    KitCases.Outcome passwd =
        rows.entrySet().stream()
            .filter(e -> e.getKey().contains("write './../../../../../../etc/passwd'"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertThat(passwd.failed()).as(passwd.toString()).isTrue();
    assertThat(passwd.message())
        .contains("where an escaping path would land")
        .containsPattern("stowage-escape\\d+/etc/passwd\"=\"file:");
  }

  /** The local adapter over the directory above the kit's base, seen through an escaping facade. */
  @ExtendWith(KitCases.SelfTestOnly.class)
  static class EscapingLocalKit extends FilesystemContract {
    private Path outer;

    @Override
    protected Filesystem createFilesystem() {
      try {
        outer = Files.createTempDirectory("stowage-escape");
        Files.createDirectories(outer.resolve("kit"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return ioThenRefuse(
          Filesystem.of(LocalAdapter.of(LocalConfig.builder(outer).build())), "kit");
    }

    @Override
    public Optional<Path> baseDirectory() {
      return Optional.of(outer.resolve("kit"));
    }

    @Override
    protected void afterAll() {
      try (Stream<Path> all = Files.walk(outer)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Set<String> VIEW_METHODS =
      Set.of("capabilities", "close", "toString", "hashCode", "equals");

  /** Resolves paths below {@code prefix} of {@code root}, clamping {@code ..} at root; refuses escapes after the I/O. */
  static Filesystem ioThenRefuse(Filesystem root, String prefix) {
    return (Filesystem)
        Proxy.newProxyInstance(
            Filesystem.class.getClassLoader(),
            new Class<?>[] {Filesystem.class},
            (proxy, method, args) -> {
              if (method.getName().equals("at")) {
                return ioThenRefuse(root, clamp(prefix, (String) args[0])[0]);
              }
              if (VIEW_METHODS.contains(method.getName())
                  || args == null
                  || !(args[0] instanceof String)) {
                return invoke(method, root.at(prefix), args);
              }
              Object[] mapped = args.clone();
              boolean escaped = false;
              int paths =
                  method.getName().equals("copy") || method.getName().equals("move") ? 2 : 1;
              for (int i = 0; i < paths; i++) {
                String[] c = clamp(prefix, (String) args[i]);
                mapped[i] = c[0];
                escaped |= c[1] != null;
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

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Returns the clamped path and, as second element, non-null when it climbed above {@code prefix}. */
  private static String[] clamp(String prefix, String path) {
    String joined = prefix + "/" + path.replace('\\', '/');
    int floor = prefix.split("/").length;
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
    return new String[] {
      path.endsWith("/") && !clamped.isEmpty() ? clamped + "/" : clamped, escaped ? "escaped" : null
    };
  }
}
