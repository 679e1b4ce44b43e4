/**
 * A typed client for the Backblaze B2 native API (v2): {@link dev.stowage.b2.client.B2Client} has
 * one method per {@code b2_*} call, taking and returning plain records.
 *
 * <p>Cross-cutting HTTP concerns are OkHttp interceptors kept private to this package, one per
 * concern: the account token and re-authorisation on {@code expired_auth_token}/{@code bad_auth_token},
 * the {@code User-Agent}, the {@code X-Bz-Test-Mode} header, and SLF4J logging that redacts every
 * credential. The client does not retry other failures: retries need domain steps (a new upload
 * URL) and belong to the caller.
 */
@NullMarked
package dev.stowage.b2.client;

import org.jspecify.annotations.NullMarked;
