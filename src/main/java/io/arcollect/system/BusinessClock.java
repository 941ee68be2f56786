package io.arcollect.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one "now" of the application. It reads Camunda's {@link ClockUtil}, so that domain code and the
 * engine (timers, due dates, history) always agree, and a test or simulation that moves the engine
 * clock moves the business date with it.
 */
public class BusinessClock extends Clock {

  private final ZoneId zone;

  public BusinessClock(ZoneId zone) {
    this.zone = zone;
  }

  /** Shifts the shared clock so that today is {@code businessDate}, keeping the time of day ticking. */
  public void pinBusinessDate(LocalDate businessDate) {
    Instant realNow = Instant.now();
    Instant pinned = businessDate.atTime(realNow.atZone(zone).toLocalTime()).atZone(zone).toInstant();
    ClockUtil.offset(pinned.toEpochMilli() - realNow.toEpochMilli());
  }

  public LocalDate today() {
    return LocalDate.now(this);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new BusinessClock(newZone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
