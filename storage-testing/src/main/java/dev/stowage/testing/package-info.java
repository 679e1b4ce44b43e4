/**
 * Fixtures for testing code that uses Stowage.
 *
 * <p>Servers: {@link dev.stowage.testing.B2EmulatorExtension} runs the B2 emulator for JUnit 5
 * tests with declared buckets and keys ({@link dev.stowage.testing.B2KeySpec}, created as
 * {@link dev.stowage.testing.B2TestKey}s); {@link dev.stowage.testing.S3ProxyExtension} runs an
 * embedded S3Proxy, the plain {@link dev.stowage.testing.S3ProxyServer}, with declared buckets.
 * {@link dev.stowage.testing.MemoryUploads} counts the memory adapter's multipart parts and
 * pending uploads.
 *
 * <p>Failure testing: {@link dev.stowage.testing.FaultProxy}, a loopback TCP proxy that injects
 * network faults ({@link dev.stowage.testing.Fault}) chosen by a
 * {@link dev.stowage.testing.FaultSchedule}, and {@link dev.stowage.testing.FaultSuite}, a seeded
 * mix of operations over any {@code Filesystem} that reports corrupt reads, lost writes, untyped
 * failures, missed deadlines and leftovers in a {@link dev.stowage.testing.FaultSuiteReport}.
 */
@NullMarked
package dev.stowage.testing;

import org.jspecify.annotations.NullMarked;
