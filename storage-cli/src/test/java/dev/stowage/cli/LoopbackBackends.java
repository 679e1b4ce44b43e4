package dev.stowage.cli;

import dev.stowage.Filesystem;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.S3ProxyExtension;
import dev.stowage.testing.S3ProxyServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A B2 emulator and an S3Proxy on loopback for one test class, each with one bucket, plus the
 * environment a {@link FakeConsole} needs to reach them: storage-testing's two extensions with the
 * CLI's locations on top. Register it on a static field.
 */
final class LoopbackBackends implements BeforeAllCallback, AfterAllCallback {

  static final String BUCKET = "cli-test";
  static final String S3_ACCESS_KEY = "cli-test";
  static final String S3_SECRET_KEY = "cli-test-secret-0123456789";

  private final B2EmulatorExtension b2 = B2EmulatorExtension.builder().bucket(BUCKET).perClass();
  private final S3ProxyExtension s3 =
      S3ProxyExtension.builder()
          .bucket(BUCKET)
          .credentials(S3_ACCESS_KEY, S3_SECRET_KEY)
          .perClass();

  private LoopbackBackends() {}

  /** Returns both servers for the test class that registers it. */
  static LoopbackBackends perClass() {
    return new LoopbackBackends();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    b2.beforeAll(context);
    try {
      s3.beforeAll(context);
    } catch (RuntimeException e) {
      b2.afterAll(context);
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      s3.afterAll(context);
    } finally {
      b2.afterAll(context);
    }
  }

  /** Returns the running B2 emulator. */
  B2Emulator b2() {
    return b2.emulator();
  }

  /** Returns the running S3Proxy. */
  S3ProxyServer s3() {
    return s3.server();
  }

  /** Returns the CLI location of {@code path} in the bucket of {@code backend} ("b2" or "s3"). */
  String uri(String backend, String path) {
    String query =
        "b2".equals(backend)
            ? "?endpoint=" + b2().url()
            : "?endpoint=" + s3().endpoint() + "&region=us-east-1";
    return backend + "://" + BUCKET + "/" + path + query;
  }

  /** Puts the credentials of both servers into the console's environment. */
  FakeConsole credentials(FakeConsole console) {
    return console
        .env("B2_APPLICATION_KEY_ID", b2().keyId())
        .env("B2_APPLICATION_KEY", b2().applicationKey())
        .env("AWS_ACCESS_KEY_ID", S3_ACCESS_KEY)
        .env("AWS_SECRET_ACCESS_KEY", S3_SECRET_KEY);
  }

  /** Opens the bucket of {@code backend} through the API, to check what the CLI did; the caller closes it. */
  Filesystem open(String backend) {
    return "b2".equals(backend)
        ? dev.stowage.Filesystems.open(b2.uri(BUCKET), b2.settings())
        : s3().filesystem(BUCKET);
  }
}
