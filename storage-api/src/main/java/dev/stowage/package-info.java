/**
 * The Stowage API: {@link dev.stowage.Filesystem}, {@link dev.stowage.Filesystems}, the values it
 * exchanges and the exceptions it throws.
 */
@NullMarked
package dev.stowage;

import org.jspecify.annotations.NullMarked;
