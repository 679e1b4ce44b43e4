package dev.stowage.setup;

import dev.stowage.b2.client.B2Client;
import dev.stowage.b2.client.B2Credentials;
import dev.stowage.b2.emulator.B2Emulator;
import java.net.URI;

/**
 * A fresh B2 emulator with the setup utility and an admin client on its master key; closing it
 * closes all three, clients first.
 */
final class EmulatorFixture implements AutoCloseable {

    final B2Emulator emulator;
    final B2BucketSetup setup;
    final B2Client admin;

    EmulatorFixture() {
        emulator = B2Emulator.builder().start();
        setup = B2BucketSetup.builder().endpoint(URI.create(emulator.url()))
                .credentials(emulator.keyId(), emulator.applicationKey()).build();
        admin = B2Client.builder().endpoint(URI.create(emulator.url()))
                .credentials(new B2Credentials(emulator.keyId(), emulator.applicationKey())).build();
    }

    @Override
    public void close() {
        admin.close();
        setup.close();
        emulator.close();
    }
}
