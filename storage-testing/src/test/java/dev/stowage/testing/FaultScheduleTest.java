package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

  private static List<Fault> draw(FaultSchedule schedule, int n) {
    List<Fault> faults = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      faults.add(schedule.next());
    }
    return faults;
  }

  @Test
  void seeded_sameSeed_sameFaults() {
    List<Fault> a = draw(FaultSchedule.seeded(7).probability(0.3).build(), 200);
    List<Fault> b = draw(FaultSchedule.seeded(7).probability(0.3).build(), 200);

    assertThat(a).isEqualTo(b);
  }

  @Test
  void seeded_probability_drawsRoughlyThatShareOfFaults() {
    FaultSchedule schedule = FaultSchedule.seeded(1).probability(0.5).build();
    draw(schedule, 2000);

    long faults = 2000 - schedule.decided(FaultKind.NONE);
    assertThat(faults).isBetween(850L, 1150L);
    for (FaultKind kind : FaultKind.values()) {
      assertThat(schedule.decided(kind)).as(kind.name()).isPositive();
    }
  }

  @Test
  void seeded_zeroWeight_neverDrawsThatKind() {
    FaultSchedule schedule =
        FaultSchedule.seeded(3)
            .probability(1)
            .weight(FaultKind.STALL, 0)
            .weight(FaultKind.SLOW, 0)
            .build();
    draw(schedule, 500);

    assertThat(schedule.decided(FaultKind.STALL)).isZero();
    assertThat(schedule.decided(FaultKind.SLOW)).isZero();
    assertThat(schedule.decided(FaultKind.NONE)).isZero();
  }

  @Test
  void scripted_handsOutInOrder_thenNone() {
    FaultSchedule schedule = FaultSchedule.scripted(Fault.reset(1), Fault.refuse());

    assertThat(draw(schedule, 3)).containsExactly(Fault.reset(1), Fault.refuse(), Fault.none());
    assertThat(schedule.connections()).isEqualTo(3);
  }

  @Test
  void firedRatio_countsOnlyFiredFaults() {
    FaultSchedule schedule =
        FaultSchedule.scripted(Fault.reset(1), Fault.none(), Fault.truncate(2), Fault.none());
    draw(schedule, 4);
    schedule.fired(Fault.reset(1));

    assertThat(schedule.firedTotal()).isEqualTo(1);
    assertThat(schedule.firedRatio()).isEqualTo(0.25);
    assertThat(schedule.toString()).contains("RESET=1");
  }

  @Test
  void builder_badValues_failNamingTheValue() {
    assertThatThrownBy(() -> FaultSchedule.seeded(1).probability(1.5))
        .hasMessageContaining("probability");
    assertThatThrownBy(() -> FaultSchedule.seeded(1).weight(FaultKind.NONE, 1))
        .hasMessageContaining("NONE");
    assertThatThrownBy(() -> FaultSchedule.seeded(1).weight(FaultKind.RESET, -1))
        .hasMessageContaining("RESET");
    assertThatThrownBy(() -> FaultSchedule.seeded(1).slowRate(0)).hasMessageContaining("slowRate");
    assertThatThrownBy(() -> Fault.reset(-1)).hasMessageContaining("responseBytes");
    assertThatThrownBy(() -> FaultSchedule.scripted(Fault.none(), null))
        .hasMessageContaining("null");
  }
}
