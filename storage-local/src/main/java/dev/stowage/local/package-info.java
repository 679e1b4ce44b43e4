/**
 * The local disk adapter: {@link dev.stowage.local.LocalAdapter} configured by
 * {@link dev.stowage.local.LocalConfig}, opened from {@code file:} URIs by
 * {@link dev.stowage.local.LocalProvider}. Paths are confined to a root, links are never
 * followed ({@link dev.stowage.local.SymlinkPolicy}), writes are atomic.
 */
@NullMarked
package dev.stowage.local;

import org.jspecify.annotations.NullMarked;
