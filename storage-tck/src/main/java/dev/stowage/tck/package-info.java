/**
 * The Stowage compatibility kit: contract tests that every {@link dev.stowage.Filesystem} must
 * pass, whatever its backend.
 *
 * <p>An adapter's test class extends {@link dev.stowage.tck.FilesystemContract} and supplies
 * {@code createFilesystem()}; it then inherits every case of every contract interface
 * ({@link dev.stowage.tck.PathContract}, {@link dev.stowage.tck.WriteContract}…). Cases that need
 * a capability the adapter does not declare are skipped with a reason ({@link dev.stowage.tck.Requires}).
 * {@link dev.stowage.tck.ReadOnlyContract} checks read-only filesystems; the
 * {@link dev.stowage.tck.runner} package runs the kit from code or the command line and prints a
 * matrix.
 */
@NullMarked
package dev.stowage.tck;

import org.jspecify.annotations.NullMarked;
