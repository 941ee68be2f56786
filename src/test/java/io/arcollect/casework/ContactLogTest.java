package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ArcollectSpringBootTest
class ContactLogTest {

  @Autowired ContactLog log;
  @Autowired JdbcTemplate jdbc;

  @Test
  void contactsAreReadBackNewestFirstAndOnlySentAutomaticOnesCountTowardsThePolicy() {
    jdbc.update("insert into customers (account_number, name, tier, currency, language, time_zone) "
        + "values ('CL-1', 'Contact Log Customer', 'SMALL', 'USD', 'en', 'Europe/Berlin')");
    long customer = jdbc.queryForObject("select id from customers where account_number = 'CL-1'", Long.class);
    Instant now = Instant.parse("2026-03-02T10:00:00Z");

    log.record(new ContactAttempt("CASE-CL-1", customer, "EMAIL", "friendly-reminder", now.minus(Duration.ofDays(8)),
        null, "SENT", null, "<old@arcollect>", null, null));
    log.record(new ContactAttempt("CASE-CL-1", customer, "EMAIL", "follow-up", now.minus(Duration.ofDays(2)),
        null, "SENT", null, "<m1@arcollect>", null, null));
    log.record(new ContactAttempt("CASE-CL-1", customer, "SMS", "follow-up", now.minus(Duration.ofDays(1)),
        null, "POSTPONED", "quiet hours", null, null, null));
    log.record(new ContactAttempt("CASE-CL-1", customer, "PHONE", "Task_InitialContact", now,
        "sally", "PROMISE_TO_PAY", "Pays Friday", null, "pi-1", "task-1"));

    assertThat(log.ofCase("CASE-CL-1", 10)).extracting(ContactAttempt::outcome)
        .containsExactly("PROMISE_TO_PAY", "POSTPONED", "SENT", "SENT");
    assertThat(log.ofCase("CASE-CL-1", 2)).hasSize(2);
    assertThat(log.automaticContactsSince(customer, now.minus(Duration.ofDays(7)))).hasSize(1);
  }

  @Test
  void aContactWithoutOutcomeIsRefused() {
    assertThatThrownBy(() -> new ContactAttempt("CASE-X", 1, "PHONE", null, Instant.now(), "sally", " ", null, null,
        null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
