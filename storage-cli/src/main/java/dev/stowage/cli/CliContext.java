package dev.stowage.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything a command touches outside itself: the standard streams, the environment, the
 * terminal and time. Tests build one with captured streams, a fake environment and a fake
 * clock; {@link #system()} is the real thing.
 *
 * @param stdin the input for {@code cat -} style sources
 * @param stdout raw standard output, for file bytes ({@code cat}, {@code cp … -})
 * @param out text on standard output (wraps {@code stdout}; flush before writing raw bytes)
 * @param err text on standard error: progress, warnings, errors
 * @param env environment variables (credentials come from here and nowhere else)
 * @param terminal whether progress may redraw one line, and how wide it is
 * @param nanoTime a monotonic clock for rates and ETAs
 * @param clock wall time, for printing and expiry
 * @param workingDirectory where relative local paths start
 */
record CliContext(
    InputStream stdin,
    OutputStream stdout,
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Terminal terminal,
    LongSupplier nanoTime,
    Clock clock,
    Path workingDirectory) {

  CliContext {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(nanoTime, "nanoTime");
    Objects.requireNonNull(clock, "clock");
    workingDirectory = workingDirectory.toAbsolutePath();
  }

  /** Returns the context of a real process: System streams, environment and clocks. */
  static CliContext system() {
    Map<String, String> env = System.getenv();
    return new CliContext(
        System.in,
        System.out,
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        env,
        Terminal.detect(System.console() != null, env),
        System::nanoTime,
        Clock.systemDefaultZone(),
        Path.of(""));
  }

  /** Returns the environment variable {@code name}, or null when unset or blank. */
  @Nullable String getenv(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
