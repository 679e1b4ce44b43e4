package dev.stowage.b2.emulator;

import java.util.Map;

/**
 * Emulator-only endpoints (not part of B2): {@code POST /emulator/lifecycle} runs the bucket lifecycle rules
 * against the emulator's clock and answers {@code {hidden, deleted, canceled}}. Every admin endpoint changes state,
 * so each needs HTTP Basic with the master key id and master key (as {@code b2_authorize_account}); anything else
 * is refused with 401 before the endpoint runs.
 */
final class AdminHandlers {
  private final Context ctx;

  AdminHandlers(Context ctx) {
    this.ctx = ctx;
  }

  Map<String, Route> routes() {
    return Map.of(
        "emulator_lifecycle",
        new Route(
            AuthKind.MASTER,
            call -> {
              if (!call.method().equals("POST")) {
                throw B2Error.METHOD_NOT_ALLOWED.exception("use POST");
              }
              return Reply.ok(Lifecycle.toJson(runLifecycle()));
            }));
  }

  LifecycleRun runLifecycle() {
    return Lifecycle.run(ctx.catalog(), ctx.now());
  }
}
