/**
 * The Backblaze B2 native API adapter: {@link dev.stowage.b2.B2Adapter} (configured by
 * {@link dev.stowage.b2.B2Config}) and {@link dev.stowage.b2.B2Provider} for {@code b2://} URIs.
 * The typed HTTP client it is built on lives in {@link dev.stowage.b2.client}.
 */
@NullMarked
package dev.stowage.b2;

import org.jspecify.annotations.NullMarked;
