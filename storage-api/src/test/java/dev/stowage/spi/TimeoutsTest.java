package dev.stowage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

  @Test
  void from_noSettings_keepsTheDefaults() {
    assertThat(Timeouts.from(ProviderSettings.of(Map.of()), Timeouts.DEFAULT))
        .isEqualTo(
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60)));
  }

  @Test
  void from_allThree_readsEach() {
    Timeouts t =
        Timeouts.from(
            ProviderSettings.of(
                Map.of("timeout", "2m", "connectTimeout", "500ms", "idleTimeout", "10s")),
            Timeouts.DEFAULT);
    assertThat(t.operation()).isEqualTo(Duration.ofMinutes(2));
    assertThat(t.connect()).isEqualTo(Duration.ofMillis(500));
    assertThat(t.idle()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void from_zero_isRefusedNamingTheSetting() {
    assertThatThrownBy(
            () -> Timeouts.from(ProviderSettings.of(Map.of("idleTimeout", "0s")), Timeouts.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idleTimeout")
        .hasMessageContaining("positive");
  }

  @Test
  void from_garbage_isRefusedNamingTheSetting() {
    assertThatThrownBy(
            () -> Timeouts.from(ProviderSettings.of(Map.of("timeout", "soon")), Timeouts.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void constructor_negative_isRefused() {
    assertThatThrownBy(() -> Timeouts.DEFAULT.withConnect(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connect");
  }
}
