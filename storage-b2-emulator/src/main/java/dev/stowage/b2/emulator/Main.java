package dev.stowage.b2.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line until the process is stopped.
 *
 * <pre>
 * java -jar storage-b2-emulator-VERSION-all.jar [--port N] [--key-id ID] [--application-key KEY] [--data DIR]
 *     [--recommended-part-size BYTES] [--absolute-minimum-part-size BYTES]
 * </pre>
 *
 * <p>Prints {@code B2 emulator listening on http://127.0.0.1:PORT}, then the master key id, and the master
 * application key only when this start generated it. A key given on the command line is never echoed, and a key
 * kept in the {@code --data} directory is never printed again: the output names the owner-only file that holds
 * it instead.
 */
public final class Main {
  private Main() {}

  /**
   * Starts the emulator with the given flags and blocks until the JVM shuts down.
   *
   * @param args the command-line flags described in the class documentation
   */
  public static void main(String[] args) throws InterruptedException {
    B2Emulator.Builder builder = B2Emulator.builder();
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          usage(System.out);
          return;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--port" -> builder.port(Integer.parseInt(value));
          case "--key-id" -> builder.keyId(value);
          case "--application-key" -> builder.applicationKey(value);
          case "--data" -> builder.dataDirectory(Path.of(value));
          case "--recommended-part-size" -> builder.recommendedPartSize(Long.parseLong(value));
          case "--absolute-minimum-part-size" ->
              builder.absoluteMinimumPartSize(Long.parseLong(value));
          default -> throw new IllegalArgumentException("unknown flag " + flag);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    B2Emulator emulator = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "b2-emulator-shutdown"));
    System.out.println("B2 emulator listening on " + emulator.url());
    System.out.println("key id: " + emulator.keyId());
    System.out.println(keyLine(emulator));
    System.out.flush();
    stopped.await();
  }

  /** The line about the master application key; it never holds a key that was given or stored before. */
  static String keyLine(B2Emulator emulator) {
    if (emulator.applicationKeyGenerated()) {
      return "application key: " + emulator.applicationKey();
    }
    if (emulator.accountFile() != null) {
      return "application key: not shown; kept in "
          + emulator.accountFile()
          + " (field masterKey), or set one with --application-key";
    }
    return "application key: as given with --application-key";
  }

  private static void usage(PrintStream out) {
    out.println(
        "usage: java -jar storage-b2-emulator-all.jar [--port N] [--key-id ID] [--application-key KEY]"
            + " [--data DIR] [--recommended-part-size BYTES] [--absolute-minimum-part-size BYTES]");
  }
}
