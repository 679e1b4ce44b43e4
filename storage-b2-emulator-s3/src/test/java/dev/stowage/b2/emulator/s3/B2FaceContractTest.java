package dev.stowage.b2.emulator.s3;

import dev.stowage.Filesystem;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.s3.S3Adapter;
import dev.stowage.s3.S3Config;
import dev.stowage.s3.S3Profile;
import dev.stowage.tck.FilesystemContract;
import dev.stowage.testing.B2EmulatorExtension;
import dev.stowage.testing.B2TestKey;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole kit on the S3 adapter with {@code profile=b2} against the emulator's S3 face, signed with an
 * application key as B2's S3 API wants. Parts of 5 MiB (the emulator's minimum part size here) keep the multipart
 * cases small.
 */
class B2FaceContractTest extends FilesystemContract {
  private static final String BUCKET = "kit-bucket";

  @RegisterExtension
  static final B2EmulatorExtension B2 =
      B2EmulatorExtension.builder()
          .emulator(
              () ->
                  B2Emulator.builder()
                      .absoluteMinimumPartSize(5 << 20)
                      .recommendedPartSize(5 << 20))
          .bucket(BUCKET)
          .key(
              "app",
              k ->
                  k.capabilities(
                      "listAllBucketNames",
                      "listBuckets",
                      "readBuckets",
                      "listFiles",
                      "readFiles",
                      "writeFiles",
                      "deleteFiles",
                      "shareFiles"))
          .perClass();

  private B2S3Face face;

  /** Starts the face on the extension's emulator; the kit calls this once. */
  @Override
  protected Filesystem createFilesystem() {
    face = B2S3Face.start(B2.emulator());
    B2TestKey key = B2.key("app");
    return Filesystem.of(
        S3Adapter.create(
            S3Config.builder(BUCKET)
                .profile(S3Profile.B2)
                .endpoint(face.endpoint())
                .region(B2S3Face.REGION)
                .credentials(key.keyId(), key.applicationKey())
                .partSize(5 << 20)
                .multipartThreshold(5 << 20)
                .concurrency(3)
                .build()));
  }

  @Override
  protected void afterAll() {
    face.close();
  }
}
