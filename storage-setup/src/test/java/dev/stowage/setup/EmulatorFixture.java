package dev.stowage.setup;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import java.net.URI;

/**
 * The setup utility and an admin client on the master key of an emulator that storage-testing's
 * {@code B2EmulatorExtension} runs; closing it closes both clients, not the emulator.
 */
final class EmulatorFixture implements AutoCloseable {

  final B2Emulator emulator;
  final B2BucketSetup setup;
  final B2Client admin;

  EmulatorFixture(B2Emulator emulator) {
    this.emulator = emulator;
    setup =
        B2BucketSetup.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(emulator.keyId(), emulator.applicationKey())
            .build();
    admin =
        B2Client.builder()
            .endpoint(URI.create(emulator.url()))
            .credentials(new B2Credentials(emulator.keyId(), emulator.applicationKey()))
            .build();
  }

  @Override
  public void close() {
    admin.close();
    setup.close();
  }
}
