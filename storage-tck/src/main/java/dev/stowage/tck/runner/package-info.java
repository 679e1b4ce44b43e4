/**
 * Runs the compatibility kit against any filesystem from code or the command line:
 * {@link dev.stowage.tck.runner.KitRunner} takes {@link dev.stowage.tck.runner.KitTarget}s and
 * returns a {@link dev.stowage.tck.runner.KitReport} that renders as a text matrix, a capability
 * table, JSON and Markdown.
 */
@NullMarked
package dev.stowage.tck.runner;

import org.jspecify.annotations.NullMarked;
