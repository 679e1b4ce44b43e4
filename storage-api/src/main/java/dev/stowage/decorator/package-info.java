/**
 * Decorators over {@link dev.stowage.spi.FilesystemAdapter}, one concern each —
 * {@link dev.stowage.decorator.ReadOnlyAdapter}, {@link dev.stowage.decorator.PrefixedAdapter},
 * {@link dev.stowage.decorator.CachingAdapter} — and {@link dev.stowage.decorator.MountManager},
 * which routes {@code name://path} locations to several filesystems.
 */
package dev.stowage.decorator;
