package dev.stowage.s3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.signer.AwsS3V4Signer;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.signer.Presigner;
import software.amazon.awssdk.core.signer.Signer;
import software.amazon.awssdk.http.SdkHttpFullRequest;

/**
 * Presigns with the SDK's S3 SigV4 signer as of another clock's time, keeping the lifetime the
 * caller asked for. The adapter uses it only when it is built with a signing clock (the kit's
 * fixtures issue URLs and tickets that are already old, to test expiry without waiting); by
 * default presigning is the SDK's own and reads the system clock.
 */
@SuppressWarnings(
    "deprecation") // the SDK's presigner takes a per-request clock only through this signer API
final class ClockedPresigner implements Signer, Presigner {

  private final Clock clock;
  private final AwsS3V4Signer delegate = AwsS3V4Signer.create();
  private volatile @Nullable Instant expiresAt;

  ClockedPresigner(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SdkHttpFullRequest sign(SdkHttpFullRequest request, ExecutionAttributes attributes) {
    return delegate.sign(request, attributes);
  }

  @Override
  public SdkHttpFullRequest presign(SdkHttpFullRequest request, ExecutionAttributes attributes) {
    Clock asked = attributes.getAttribute(AwsSignerExecutionAttribute.SIGNING_CLOCK);
    Instant now = asked != null ? asked.instant() : Instant.now();
    Instant expiration = attributes.getAttribute(AwsSignerExecutionAttribute.PRESIGNER_EXPIRATION);
    Duration lifetime =
        expiration != null ? Duration.between(now, expiration) : Duration.ofMinutes(15);
    Instant signingTime = clock.instant();
    ExecutionAttributes shifted = attributes.copy();
    shifted.putAttribute(
        AwsSignerExecutionAttribute.SIGNING_CLOCK, Clock.fixed(signingTime, ZoneOffset.UTC));
    expiresAt = signingTime.plus(lifetime);
    shifted.putAttribute(AwsSignerExecutionAttribute.PRESIGNER_EXPIRATION, expiresAt);
    return delegate.presign(request, shifted);
  }

  /**
   * Returns when the last signature made by this presigner expires, on its clock (the SDK's own
   * answer reads the system clock), or null before the first.
   */
  @Nullable Instant expiresAt() {
    return expiresAt;
  }
}
