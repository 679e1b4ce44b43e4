/**
 * Decorators over {@link dev.stowage.spi.FilesystemAdapter}, one concern each —
 * {@link dev.stowage.decorator.ReadOnlyAdapter} — and {@link dev.stowage.decorator.MountManager},
 * which routes {@code name://path} locations to several filesystems. The metadata cache is the
 * {@code storage-caching} module's {@code dev.stowage.caching.CachingAdapter}. The prefixing decorator, which {@link dev.stowage.Filesystem#at} uses, is
 * {@link dev.stowage.spi.PrefixedAdapter}: it lives with the SPI so that the facade's package does
 * not depend on this one.
 */
@NullMarked
package dev.stowage.decorator;

import org.jspecify.annotations.NullMarked;
