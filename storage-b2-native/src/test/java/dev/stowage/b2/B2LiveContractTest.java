package dev.stowage.b2;

import dev.stowage.Filesystem;
import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.tck.FilesystemContract;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the compatibility kit against real Backblaze B2, inside a random directory of the bucket
 * named by {@code B2_TEST_BUCKET}, with the key in {@code B2_APPLICATION_KEY_ID} and
 * {@code B2_APPLICATION_KEY}; optional {@code B2_TEST_ENDPOINT} overrides the API endpoint.
 * Skipped, with that reason, when any of the three is missing. Parts are B2's 5 MB minimum so
 * the multipart cases move little data.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(
    named = "B2_APPLICATION_KEY_ID",
    matches = ".+",
    disabledReason =
        "live B2 test: set B2_APPLICATION_KEY_ID, B2_APPLICATION_KEY and B2_TEST_BUCKET to run it")
@EnabledIfEnvironmentVariable(
    named = "B2_APPLICATION_KEY",
    matches = ".+",
    disabledReason =
        "live B2 test: set B2_APPLICATION_KEY_ID, B2_APPLICATION_KEY and B2_TEST_BUCKET to run it")
@EnabledIfEnvironmentVariable(
    named = "B2_TEST_BUCKET",
    matches = ".+",
    disabledReason =
        "live B2 test: set B2_APPLICATION_KEY_ID, B2_APPLICATION_KEY and B2_TEST_BUCKET to run it")
class B2LiveContractTest extends FilesystemContract {

  @Override
  protected Filesystem createFilesystem() {
    String endpoint = System.getenv("B2_TEST_ENDPOINT");
    B2Config config =
        B2Config.builder(System.getenv("B2_TEST_BUCKET"))
            .endpoint(
                endpoint == null || endpoint.isBlank()
                    ? B2Client.DEFAULT_ENDPOINT
                    : URI.create(endpoint))
            .credentials(B2Credentials.environment())
            .prefix("stowage-live-kit")
            .partSize(5_000_000)
            .uploadCutoff(10_000_000)
            .build();
    return Filesystem.of(B2Adapter.create(config));
  }
}
