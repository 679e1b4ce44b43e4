package dev.stowage.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Runs {@code stowage} in-process with captured standard streams, a chosen environment and
 * terminal: what a test needs to assert on exit codes, output and messages.
 */
final class FakeConsole {

  final Map<String, String> env = new HashMap<>();
  Terminal terminal = Terminal.NONE;
  byte[] stdin = new byte[0];
  Path workingDirectory = Path.of("").toAbsolutePath();
  LongSupplier nanoTime = System::nanoTime;

  /** The outcome of one run. */
  record Result(int exitCode, byte[] stdout, String err) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out() + "--- err ---\n" + err;
    }
  }

  FakeConsole env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs the command line and returns what it printed and its exit status. */
  Result run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    CliContext context = context(stdout, new PrintWriter(err, true));
    int code = Stowage.run(context, args);
    return new Result(code, stdout.toByteArray(), err.toString());
  }

  /** Returns a context writing to the given streams (for long-running commands). */
  CliContext context(java.io.OutputStream stdout, PrintWriter err) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    return new CliContext(
        new ByteArrayInputStream(stdin),
        stdout,
        out,
        err,
        env,
        terminal,
        nanoTime,
        Clock.systemUTC(),
        workingDirectory);
  }
}
