/**
 * The S3-compatible adapter: one {@link dev.stowage.spi.FilesystemAdapter} over the AWS SDK v2
 * for AWS, Backblaze B2's S3 endpoint, MinIO, Cloudflare R2 and other compatible services.
 *
 * <p>Public types: {@link dev.stowage.s3.S3Adapter} (the adapter), {@link dev.stowage.s3.S3Config}
 * (its configuration and builder), {@link dev.stowage.s3.S3Profile} (what each provider supports)
 * and {@link dev.stowage.s3.S3Provider} (opens {@code s3://} URIs for
 * {@link dev.stowage.Filesystems}). Everything else is package-private.
 */
@NullMarked
package dev.stowage.s3;

import org.jspecify.annotations.NullMarked;
