/**
 * The adapter SPI ({@link dev.stowage.spi.FilesystemAdapter}, {@link dev.stowage.spi.FilesystemProvider})
 * and the machinery adapters share: retry, multipart uploads, paged listings.
 */
@NullMarked
package dev.stowage.spi;

import org.jspecify.annotations.NullMarked;
