package dev.stowage.b2.emulator.s3;

import dev.stowage.Filesystem;
import dev.stowage.b2.emulator.B2Emulator;
import dev.stowage.s3.S3Adapter;
import dev.stowage.s3.S3Config;
import dev.stowage.s3.S3Profile;
import dev.stowage.tck.FilesystemContract;
import java.util.List;
import java.util.UUID;

/**
 * The whole kit on the S3 adapter with {@code profile=b2} against the emulator's S3 face, signed with an
 * application key as B2's S3 API wants. Parts of 5 MiB (the emulator's minimum part size here) keep the multipart
 * cases small.
 */
class B2FaceContractTest extends FilesystemContract {
    private B2Emulator b2;
    private B2S3Face face;

    /** Starts the emulator and its face, makes a bucket and an application key; the kit calls this once. */
    @Override
    protected Filesystem createFilesystem() {
        b2 = B2Emulator.builder().absoluteMinimumPartSize(5 << 20).recommendedPartSize(5 << 20).start();
        face = B2S3Face.start(b2);
        NativeApi api = new NativeApi(b2);
        String bucket = "kit-" + UUID.randomUUID().toString().substring(0, 8);
        api.createBucket(bucket, "allPrivate", false);
        NativeApi.Key key = api.createKey("app", List.of("listAllBucketNames", "listBuckets", "readBuckets",
                "listFiles", "readFiles", "writeFiles", "deleteFiles", "shareFiles"), null, null);
        return Filesystem.of(S3Adapter.create(S3Config.builder(bucket).profile(S3Profile.B2)
                .endpoint(face.endpoint()).region(B2S3Face.REGION).credentials(key.id(), key.secret())
                .partSize(5 << 20).multipartThreshold(5 << 20).concurrency(3).build()));
    }

    @Override
    protected void afterAll() {
        face.close();
        b2.close();
    }
}
