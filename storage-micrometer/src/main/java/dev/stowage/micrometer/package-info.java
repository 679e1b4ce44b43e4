/**
 * {@link dev.stowage.micrometer.ObservedFilesystem}: a {@link dev.stowage.Filesystem} decorator
 * that makes one Micrometer {@link io.micrometer.observation.Observation} per operation (a timer
 * by operation, adapter, outcome and error kind, and a span where a tracing bridge is installed)
 * and counts the bytes read and written, for any adapter and without changing it.
 */
@NullMarked
package dev.stowage.micrometer;

import org.jspecify.annotations.NullMarked;
