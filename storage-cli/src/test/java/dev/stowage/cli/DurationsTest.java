package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "90s,PT1M30S",
    "15m,PT15M",
    "24h,PT24H",
    "7d,PT168H",
    "1H,PT1H",
    " 2m ,PT2M",
    "PT1H30M,PT1H30M"
  })
  void parse_numberAndUnit_returnsTheDuration(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5x", "15", "m", "1.5h", "-1m", "", "PTxyz", "1 h"})
  void parse_malformed_failsShowingTheAcceptedForms(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90s, 15m, 24h, 7d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0d", "PT0S", "PT-5M"})
  void parse_zeroOrNegative_fails(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @ParameterizedTest
  @CsvSource({"PT90S,90s", "PT15M,15m", "PT24H,1d", "PT36H,36h", "PT1H30M,90m"})
  void format_usesTheLargestExactUnit_andParsesBack(String duration, String expected) {
    Duration d = Duration.parse(duration);
    assertThat(Durations.format(d)).isEqualTo(expected);
    assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
  }
}
