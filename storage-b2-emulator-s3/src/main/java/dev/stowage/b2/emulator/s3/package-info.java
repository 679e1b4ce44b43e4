/**
 * B2's S3-compatible API for the B2 emulator: {@link dev.stowage.b2.emulator.s3.B2S3Face} serves the
 * emulator's buckets and files over S3 on a second loopback port, with B2's rules for keys,
 * capabilities, visibility, versions and checksum headers. Everything else is package-private.
 */
@NullMarked
package dev.stowage.b2.emulator.s3;

import org.jspecify.annotations.NullMarked;
