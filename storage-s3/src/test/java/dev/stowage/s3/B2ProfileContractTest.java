package dev.stowage.s3;

import dev.stowage.Filesystem;
import dev.stowage.tck.FilesystemContract;

/**
 * The whole kit on the S3 adapter with the {@code b2} profile against S3Proxy's in-memory store,
 * which checks every signature and Content-MD5, behind a {@link B2Gate} that refuses, as B2
 * does, any request carrying the SDK's flexible-checksum headers (S3Proxy itself accepts them).
 * The profile declares only what B2's S3 API offers (bucket-level visibility, no create-only), so
 * the kit skips what B2 cannot do and runs everything else through the profile's request shapes.
 * The bucket is private: S3Proxy grants anonymous reads by object ACL only, which the profile
 * never sends, so a public bucket here would not serve its objects the way B2 does. Parts of
 * 5 MiB keep the multipart cases small.
 */
class B2ProfileContractTest extends FilesystemContract {

  private EmbeddedS3Proxy server;
  private B2Gate gate;

  /** Starts the server; the kit calls this from its {@code @BeforeAll}. */
  @Override
  protected Filesystem createFilesystem() {
    try {
      server = EmbeddedS3Proxy.inMemory();
      gate = new B2Gate(server.endpoint());
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    return Filesystem.of(
        S3Adapter.create(
            S3Config.builder(server.createBucket())
                .profile(S3Profile.B2)
                .endpoint(gate.endpoint())
                .region("us-west-004")
                .credentials(server.accessKey(), server.secretKey())
                .partSize(5 << 20)
                .multipartThreshold(5 << 20)
                .concurrency(3)
                .build()));
  }

  @Override
  protected void afterAll() {
    gate.close();
    server.close();
  }
}
