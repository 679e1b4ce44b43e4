/**
 * Test fixtures for failure testing: {@link dev.stowage.testing.FaultProxy}, a loopback TCP proxy
 * that injects network faults ({@link dev.stowage.testing.Fault}) chosen by a
 * {@link dev.stowage.testing.FaultSchedule}, and {@link dev.stowage.testing.FaultSuite}, a seeded
 * mix of operations over any {@code Filesystem} that reports corrupt reads, lost writes, untyped
 * failures, missed deadlines and leftovers in a {@link dev.stowage.testing.FaultSuiteReport}.
 */
package dev.stowage.testing;
