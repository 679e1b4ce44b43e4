/**
 * Measures Stowage in process, side by side with its ceilings in the same run: the wire (one
 * plain HTTP request per transfer), the raw AWS SDK, {@code Files.copy} and {@code Files.walk},
 * installed peer tools, and the adapter called without the facade (JMH).
 *
 * <p>Entry points: {@link dev.stowage.bench.BenchRunner} runs the scenarios on a list of
 * {@link dev.stowage.bench.BenchTarget}s (or on {@link dev.stowage.bench.EmbeddedTargets}, the
 * servers started in this process) and returns a {@link dev.stowage.bench.BenchReport}.
 */
@NullMarked
package dev.stowage.bench;

import org.jspecify.annotations.NullMarked;
