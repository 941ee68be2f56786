package io.arcollect.process;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, as {@code camunda:dueDate="${taskDue.inDays(2)}"}: the end of the business day
 * (17:00, company time) so many days from now, which Tasklist's "Due today" and "Overdue" filters read.
 */
@Component("taskDue")
public class TaskDue {

  static final LocalTime END_OF_BUSINESS = LocalTime.of(17, 0);

  private final Clock clock;

  TaskDue(Clock clock) {
    this.clock = clock;
  }

  public Date inDays(Object days) {
    long n = days instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(days).trim());
    ZonedDateTime due = ZonedDateTime.now(clock).plusDays(n).with(END_OF_BUSINESS).withSecond(0).withNano(0);
    return Date.from(due.toInstant());
  }
}
