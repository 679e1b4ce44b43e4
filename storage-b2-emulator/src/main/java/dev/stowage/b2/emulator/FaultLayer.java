package dev.stowage.b2.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fault layer: before a call reaches authentication and its handler, applies the configured
 * {@link FaultPlan} and the {@code X-Bz-Test-Mode} header. Draws come from one seeded {@link Random}, so a run
 * with the same requests in the same order injects the same faults.
 */
final class FaultLayer {
  static final Set<String> UPLOADS = Set.of("b2_upload_file", "b2_upload_part");
  static final Set<String> DOWNLOADS = Set.of("b2_download_file_by_id", "b2_download_file_by_name");
  private static final Set<String> STORAGE =
      Set.of(
          "b2_get_upload_url",
          "b2_upload_file",
          "b2_upload_part",
          "b2_start_large_file",
          "b2_get_upload_part_url",
          "b2_copy_file",
          "b2_copy_part");

  private final Context ctx;
  private volatile FaultPlan plan;
  private Random random;
  private int[] seen;

  FaultLayer(Context ctx, FaultPlan plan) {
    this.ctx = ctx;
    use(plan);
  }

  synchronized void use(FaultPlan newPlan) {
    this.plan = newPlan;
    this.random = new Random(newPlan.seed());
    this.seen = new int[newPlan.rules().size()];
  }

  private synchronized boolean draw(double rate) {
    return rate > 0 && (rate >= 1 || random.nextDouble() < rate);
  }

  /**
   * Applies delays and status faults (by throwing) and returns the fault the dispatcher must still apply
   * itself ({@link Fault.Reset}, {@link Fault.Truncate}, {@link Fault.Stall}, or {@link Fault.Corrupt} on a
   * download), or null.
   */
  @Nullable Fault before(Call call, AuthKind auth) {
    Fault fault = pick(call.operation());
    if (fault instanceof Fault.Delay) {
      sleep(((Fault.Delay) fault).duration().toMillis());
    } else if (fault instanceof Fault.Status) {
      throw statusFault(call, (Fault.Status) fault);
    }
    testMode(call, auth);
    if (fault instanceof Fault.Corrupt) {
      return DOWNLOADS.contains(call.operation()) ? fault : null;
    }
    return fault instanceof Fault.Reset
            || fault instanceof Fault.Truncate
            || fault instanceof Fault.Stall
        ? fault
        : null;
  }

  /** Draws the position of the byte a {@link Fault.Corrupt} flips in a body of {@code length} bytes. */
  synchronized long corruptPosition(long length) {
    return random.nextLong(length);
  }

  private synchronized @Nullable Fault pick(String operation) {
    List<FaultPlan.Rule> rules = plan.rules();
    for (int i = 0; i < rules.size(); i++) {
      FaultPlan.Rule rule = rules.get(i);
      if (!rule.matches(operation)) {
        continue;
      }
      if (seen[i] < rule.passing()) {
        seen[i]++;
        continue;
      }
      if (draw(rule.rate())) {
        return rule.fault();
      }
    }
    return null;
  }

  private B2Exception statusFault(Call call, Fault.Status s) {
    if (s.status() == 401 || UPLOADS.contains(call.operation())) {
      ctx.tokens().expire(call.token());
    }
    B2Error known = B2Error.ofCode(s.code());
    String message =
        known != null && known.status() == s.status()
            ? known.exception().getMessage()
            : "injected fault";
    B2Exception e = new B2Exception(s.status(), s.code(), message);
    if (s.retryAfter() != null) {
      long seconds = (s.retryAfter().toMillis() + 999) / 1000;
      e.withHeader("Retry-After", Long.toString(seconds));
    }
    return e;
  }

  private void testMode(Call call, AuthKind auth) {
    String mode = call.header("X-Bz-Test-Mode");
    if (mode == null) {
      return;
    }
    String op = call.operation();
    switch (mode.trim().toLowerCase(Locale.ROOT)) {
      case "fail_some_uploads":
        if (UPLOADS.contains(op) && draw(ctx.limits().testModeFailureRate())) {
          ctx.tokens().expire(call.token());
          throw B2Error.SERVICE_UNAVAILABLE.exception("test mode: upload failed on purpose");
        }
        return;
      case "expire_some_account_authorization_tokens":
        if (auth == AuthKind.ACCOUNT
            && call.token() != null
            && draw(ctx.limits().testModeFailureRate())) {
          ctx.tokens().expire(call.token());
          throw B2Error.EXPIRED_AUTH_TOKEN.exception("test mode: token expired on purpose");
        }
        return;
      case "force_cap_exceeded":
        if (op.equals("b2_authorize_account")) {
          return;
        }
        if (STORAGE.contains(op)) {
          throw B2Error.STORAGE_CAP_EXCEEDED.exception();
        }
        throw DOWNLOADS.contains(op)
            ? B2Error.DOWNLOAD_CAP_EXCEEDED.exception()
            : B2Error.TRANSACTION_CAP_EXCEEDED.exception();
      default:
        throw B2Error.BAD_REQUEST.exception("unknown X-Bz-Test-Mode: " + mode);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
