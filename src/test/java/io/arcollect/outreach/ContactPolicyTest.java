package io.arcollect.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The contact policy on real cases: quiet hours, contacts per week, do-not-contact. */
class ContactPolicyTest extends OutreachTestBase {

  @Test
  void aReminderDueAt22HoursCustomerTimeIsPostponedToEightInTheMorning() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T21:00:00Z")));
    Customer customer = Customer.english("Night Owl Trading");
    Case c = openCase(customer);

    deliverContacts(c);

    assertThat(mailTo(customer.email())).isEmpty();
    Job wait = timerOf(contacts(c).get(0));
    assertThat(wait.getDuedate().toInstant()).as("08:00 in Berlin").isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
    assertThat(contactLog(c)).anySatisfy(row -> {
      assertThat(row.get("outcome")).isEqualTo("POSTPONED");
      assertThat((String) row.get("notes")).contains("quiet hours", "Europe/Berlin", "customer time 22:00",
          "postponed until 2026-03-03T07:00:00Z");
    });

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-03T07:00:01Z")));
    deliverContacts(c);

    assertThat(mailTo(customer.email())).hasSize(1);
    assertThat(contactLog(c)).extracting(row -> row.get("outcome")).containsExactly("POSTPONED", "SENT");
  }

  @Test
  void theFourthAutomaticContactWithinSevenDaysWaitsUntilTheFirstIsAWeekOld() throws Exception {
    Customer customer = Customer.english("Busy Bee Supplies");
    Case c = openCase(customer);
    deliverContacts(c);
    Instant first = ClockUtil.now().toInstant();
    for (int more = 0; more < 3; more++) {
      passTime(Duration.ofHours(1));
      transaction.executeWithoutResult(status -> progress.requestContact(c.number(), "EMAIL", "follow-up",
          c.instance().getId(), Map.of()));
      deliverContacts(c);
    }

    assertThat(mailTo(customer.email())).as("at most 3 a week").hasSize(3);
    List<ProcessInstance> waiting = contacts(c);
    assertThat(waiting).hasSize(1);
    assertThat(timerOf(waiting.get(0)).getDuedate().toInstant()).isEqualTo(first.plus(Duration.ofDays(7)));
    assertThat(contactLog(c)).last().satisfies(row -> {
      assertThat(row.get("outcome")).isEqualTo("POSTPONED");
      assertThat((String) row.get("notes")).contains("Already 3 automatic contacts in 7 days (at most 3)");
    });
  }

  @Test
  void doNotContactBlocksAutomaticContactsButNotTheCollectorsCall() throws Exception {
    Customer customer = new Customer("Quiet Please GmbH", "en", "Europe/Berlin", "ap@quiet.example", "+49301111", true);
    Case c = openCase(customer);

    deliverContacts(c);

    assertThat(mailTo(customer.email())).isEmpty();
    assertThat(contacts(c)).isEmpty();
    assertThat(contactLog(c)).singleElement().satisfies(row -> {
      assertThat(row.get("outcome")).isEqualTo("SKIPPED");
      assertThat((String) row.get("notes")).contains("do-not-contact");
    });

    complete(c, "sally", Map.of("contactOutcome", "REACHED", "notes", "Spoke to the CFO"));

    assertThat(contactLog(c)).anySatisfy(row -> {
      assertThat(row.get("channel")).isEqualTo("PHONE");
      assertThat(row.get("user_id")).isEqualTo("sally");
      assertThat(row.get("outcome")).isEqualTo("REACHED");
    });
  }

  @Test
  void twoContactsCheckedAtTheSameMomentForACustomerOneBelowTheMaximumSendExactlyOne() throws Exception {
    Customer customer = Customer.english("Twin Request Trading");
    Case c = openCase(customer);
    deliverContacts(c);
    passTime(Duration.ofHours(1));
    transaction.executeWithoutResult(status -> progress.requestContact(c.number(), "EMAIL", "follow-up",
        c.instance().getId(), Map.of()));
    deliverContacts(c);
    assertThat(mailTo(customer.email())).as("two of three this week").hasSize(2);

    passTime(Duration.ofHours(1));
    transaction.executeWithoutResult(status -> {
      progress.requestContact(c.number(), "EMAIL", "follow-up", c.instance().getId(), Map.of());
      progress.requestContact(c.number(), "EMAIL", "follow-up", c.instance().getId(), Map.of());
    });
    runJobs(c.instance().getId());
    List<Job> checks = contacts(c).stream()
        .map(contact -> management.createJobQuery().processInstanceId(contact.getId()).executable().singleResult())
        .filter(java.util.Objects::nonNull)
        .toList();
    assertThat(checks).as("two contact policy checks waiting").hasSize(2);

    // both checks start at the same moment, each in a job of its own as the job executor runs them
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> running = checks.stream().<java.util.concurrent.Future<?>>map(job ->
          executor.submit(() -> {
            start.await(10, java.util.concurrent.TimeUnit.SECONDS);
            management.executeJob(job.getId());
            return null;
          })).toList();
      for (java.util.concurrent.Future<?> check : running) {
        check.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    deliverContacts(c);

    assertThat(mailTo(customer.email())).as("exactly one of the two goes out: 3 a week at most").hasSize(3);
    List<Map<String, Object>> log = contactLog(c);
    assertThat(log).filteredOn(row -> "SENT".equals(row.get("outcome"))).hasSize(3);
    assertThat(log).filteredOn(row -> "POSTPONED".equals(row.get("outcome"))).singleElement().satisfies(row ->
        assertThat((String) row.get("notes")).contains("Already 3 automatic contacts in 7 days (at most 3)"));
    assertThat(jdbc.queryForObject("select count(*) from contact_reservations where customer_id = ?", Integer.class,
        c.customerId())).as("the sent contact's reservation is gone").isZero();
  }

  private Job timerOf(ProcessInstance contact) {
    return management.createJobQuery().processInstanceId(contact.getId()).timers().singleResult();
  }
}
