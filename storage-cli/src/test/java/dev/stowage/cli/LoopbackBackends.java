package dev.stowage.cli;

import dev.stowage.Filesystem;
import dev.stowage.Filesystems;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A B2 emulator and an S3Proxy on loopback, each with one bucket, plus the environment a
 * {@link FakeConsole} needs to reach them: the real servers our adapters talk to, no mocks.
 */
final class LoopbackBackends implements AutoCloseable {

  static final String BUCKET = "cli-test";
  static final String S3_ACCESS_KEY = "cli-test";
  static final String S3_SECRET_KEY = "cli-test-secret-0123456789";

  final B2Emulator b2;
  final EmbeddedS3 s3;

  private LoopbackBackends(B2Emulator b2, EmbeddedS3 s3) {
    this.b2 = b2;
    this.s3 = s3;
  }

  /** Starts both servers; S3Proxy lets pages from {@code corsOrigins} call it. */
  static LoopbackBackends start(List<String> corsOrigins) throws Exception {
    B2Emulator b2 = B2Emulator.builder().start();
    try {
      try (B2BucketSetup setup = B2BucketSetup.builder().endpoint(URI.create(b2.url()))
          .credentials(b2.keyId(), b2.applicationKey()).build()) {
        setup.run(BucketSpec.builder(BUCKET).build());
      }
      EmbeddedS3 s3 = EmbeddedS3.start(0, S3_ACCESS_KEY, S3_SECRET_KEY, null, corsOrigins);
      s3.createBucket(BUCKET);
      return new LoopbackBackends(b2, s3);
    } catch (Exception e) {
      b2.close();
      throw e;
    }
  }

  /** Returns the CLI location of {@code path} in the bucket of {@code backend} ("b2" or "s3"). */
  String uri(String backend, String path) {
    String query = "b2".equals(backend) ? "?endpoint=" + b2.url() : "?endpoint=" + s3.endpoint() + "&region=us-east-1";
    return backend + "://" + BUCKET + "/" + path + query;
  }

  /** Puts the credentials of both servers into the console's environment. */
  FakeConsole credentials(FakeConsole console) {
    return console.env("B2_APPLICATION_KEY_ID", b2.keyId())
        .env("B2_APPLICATION_KEY", b2.applicationKey())
        .env("AWS_ACCESS_KEY_ID", S3_ACCESS_KEY)
        .env("AWS_SECRET_ACCESS_KEY", S3_SECRET_KEY);
  }

  /** Opens the bucket of {@code backend} through the API, to check what the CLI did. */
  Filesystem open(String backend) {
    if ("b2".equals(backend)) {
      return Filesystems.open(URI.create("b2://" + BUCKET + "?endpoint=" + b2.url()),
          Map.of("keyId", b2.keyId(), "applicationKey", b2.applicationKey()));
    }
    return Filesystems.open(URI.create("s3://" + BUCKET + "?endpoint=" + s3.endpoint() + "&region=us-east-1"),
        Map.of("accessKey", S3_ACCESS_KEY, "secretKey", S3_SECRET_KEY));
  }

  @Override
  public void close() {
    try {
      s3.close();
    } finally {
      b2.close();
    }
  }
}
