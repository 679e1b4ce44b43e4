/**
 * A browser upload example: {@link dev.stowage.examples.upload.UploadServer} serves one page and
 * hands out upload tickets from any {@link dev.stowage.Filesystem}; the page sends the file
 * straight to the bucket, so file bytes never pass through the server.
 */
@NullMarked
package dev.stowage.examples.upload;

import org.jspecify.annotations.NullMarked;
