/**
 * The {@code stowage} command line: {@link dev.stowage.cli.Stowage} is the entry point; every
 * other type is package-private, one class per command ({@code LsCommand}, {@code CpCommand},
 * {@code TckCommand}, {@code SetupCommand}, the emulator commands…) plus the pieces they share:
 * {@code Location} (the argument grammar), {@code Session} (filesystems opened with credentials
 * from the environment), {@code Transfers} (streaming copies), {@code ProgressBar} and
 * {@code Failures} (one-line errors and exit codes).
 */
@NullMarked
package dev.stowage.cli;

import org.jspecify.annotations.NullMarked;
