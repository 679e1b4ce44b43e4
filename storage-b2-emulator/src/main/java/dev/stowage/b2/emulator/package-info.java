/**
 * A Backblaze B2 native API server on loopback, for tests and offline development.
 *
 * <p>The public surface is {@link dev.stowage.b2.emulator.B2Emulator} (with its builder),
 * {@link dev.stowage.b2.emulator.Fault} and {@link dev.stowage.b2.emulator.FaultPlan} for fault injection,
 * {@link dev.stowage.b2.emulator.LifecycleRun} for the result of a lifecycle run,
 * {@link dev.stowage.b2.emulator.EmulatorStore} for other faces and {@link dev.stowage.b2.emulator.Main}
 * for {@code java -jar}. The JUnit 5 extension is in the storage-testing module. Everything else is package-private: a routing table of handlers keyed by
 * {@code b2_*} name, an authentication filter that runs before routing, a fault layer, and a store with
 * memory and directory implementations.
 */
@NullMarked
package dev.stowage.b2.emulator;

import org.jspecify.annotations.NullMarked;
