package io.arcollect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

  private final BusinessClock clock = new BusinessClock(ZoneId.of("Europe/Berlin"));

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void aPinnedBusinessDateIsTodayForTheDomainAndTheEngineAlike() {
    clock.pinBusinessDate(LocalDate.of(2013, 6, 30));

    assertThat(clock.today()).isEqualTo(LocalDate.of(2013, 6, 30));
    assertThat(ClockUtil.getCurrentTime().toInstant().atZone(clock.getZone()).toLocalDate())
        .isEqualTo(LocalDate.of(2013, 6, 30));
  }

  @Test
  void movingTheEngineClockMovesTheBusinessDate() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2024, 2, 28).atTime(10, 0).atZone(clock.getZone()).toInstant()));
    assertThat(clock.today()).isEqualTo(LocalDate.of(2024, 2, 28));

    ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(2))));
    assertThat(clock.today()).isEqualTo(LocalDate.of(2024, 3, 1));
  }
}
