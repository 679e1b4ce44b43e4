package dev.stowage.tck;

import dev.stowage.Capability;
import dev.stowage.Visibility;
import dev.stowage.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Helpers for {@link UrlContract}. */
final class UrlSupport {

  private UrlSupport() {}

  /** Returns options that make a file private where visibility is per object, else the defaults. */
  static WriteOptions privateOptions(KitFixture kit) {
    return kit.has(Capability.VISIBILITY_PER_OBJECT)
        ? WriteOptions.builder().visibility(Visibility.PRIVATE).build()
        : WriteOptions.DEFAULT;
  }

  /** Returns the fixture's clock, or skips the case: expiry is never waited for on the wall clock. */
  static KitClock clock(KitFixture kit) {
    Optional<KitClock> clock = kit.clockControl();
    Assumptions.assumeTrue(
        clock.isPresent(),
        "requires a clock the kit can control (KitFixture.clockControl()); expiry is never waited for");
    return clock.get();
  }

  /** Asserts that {@code response} refuses {@code what} and says that it expired. */
  static void assertExpired(KitClock clock, Http.Response response, String what) {
    Assertions.assertThat(clock.saysExpired(response.status(), response.body()))
        .as(
            "%s is refused as expired (status %s, body %s)",
            what, response.status(), new String(response.body(), StandardCharsets.UTF_8))
        .isTrue();
  }
}
