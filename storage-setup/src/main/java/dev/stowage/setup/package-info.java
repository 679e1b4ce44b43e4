/**
 * Declarative bucket bootstrap: describe a bucket once ({@link dev.stowage.setup.BucketSpec}: type, default
 * encryption, object lock, lifecycle rules, CORS rules, application keys), see what would change
 * ({@link dev.stowage.setup.Plan}), then make it so ({@link dev.stowage.setup.SetupResult}).
 *
 * <p>Two entry points share the model: {@link dev.stowage.setup.B2BucketSetup} speaks the B2 native API (and can
 * create application keys, which S3 clients need because the B2 master key does not work with them), and
 * {@link dev.stowage.setup.S3BucketSetup} speaks the S3 API (AWS, B2's S3 endpoint, MinIO, R2). Every spec is
 * validated with B2's rules before any network call; all violations are reported at once in an
 * {@link dev.stowage.setup.InvalidSpecException}. Running the same spec twice changes nothing the second time.
 */
@NullMarked
package dev.stowage.setup;

import org.jspecify.annotations.NullMarked;
