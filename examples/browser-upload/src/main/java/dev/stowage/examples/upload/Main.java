package dev.stowage.examples.upload;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the example: {@code java -jar browser-upload.jar URI [PORT]}, e.g.
 * {@code java -jar browser-upload.jar 'b2://my-bucket' 8080}; credentials come from the
 * environment as for every Stowage URI.
 */
public final class Main {

  private Main() {}

  /** Starts the server and blocks until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1 || args.length > 2) {
      System.err.println(
          "usage: java -jar browser-upload.jar URI [PORT]   (e.g. b2://my-bucket 8080)");
      System.exit(2);
    }
    int port = args.length == 2 ? Integer.parseInt(args[1]) : 8080;
    Filesystem fs = Filesystems.open(args[0]);
    UploadServer server = UploadServer.builder(fs).port(port).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  fs.close();
                  stopped.countDown();
                }));
    System.out.println(
        "upload page: "
            + server.uri()
            + "  (the bucket's CORS rules must allow the origin "
            + server.uri().toString().replaceAll("/$", "")
            + ")");
    stopped.await();
  }
}
