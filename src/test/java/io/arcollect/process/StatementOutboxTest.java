package io.arcollect.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arcollect.casework.CaseOpening;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.casework.CollectionCase;
import io.arcollect.casework.OpenedCases;
import io.arcollect.ledger.OverdueItems;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import io.arcollect.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statement outbox on the whole application: money is stored with a notice for the case, the case learns
 * about it after the commit in a transaction of its own, and a delivery that meets a conflict is retried.
 */
@ArcollectSpringBootTest
class StatementOutboxTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired CasePaymentNotices notices;
  private CaseWorld world;

  @BeforeEach
  void init() {
    world = new CaseWorld(context);
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-03-02T09:00:00Z")));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void aPaymentIsKeptWithItsNoticeAndTheCaseMovesAfterTheCommit() {
    Case c = world.openCase("STANDARD", "sally", "Retail", 400, 600);

    world.pay(c, "1000.00", c.account() + "-1 " + c.account() + "-2");

    assertThat(world.record(c).getStatus()).isEqualTo(CollectionCase.Status.CLOSED);
    Map<String, Object> notice = noticeOf(c);
    assertThat(notice.get("delivered_at")).isNotNull();
    assertThat(notice.get("case_number")).isEqualTo(c.number());
    assertThat(((Number) notice.get("attempts")).intValue()).isEqualTo(1);
    assertThat(((java.math.BigDecimal) notice.get("allocated_amount"))).isEqualByComparingTo("1000.00");
  }

  /**
   * The sweep has just opened the case: its process is still in its first steps (its first job has not run), so it
   * does not wait for payments yet. A payment then is stored, and its notice stays due instead of being marked
   * delivered to a case that never heard of it; once the case waits for payments the next delivery closes it.
   */
  @Test
  void aPaymentForACaseStillInItsFirstStepsWaitsUntilTheCaseListens() {
    String account = "START-" + System.nanoTime() % 1_000_000;
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email, "
        + "account_owner) values (?, ?, 'STANDARD', 'Retail', 'USD', 'en', 'Europe/Berlin', 'ap@example.com', 'sally')",
        account, "Customer " + account);
    long customerId = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    world.goodPayerOwing(account, customerId, 400, 600);
    CollectionCase opened = OpenedCases.open(context.getBean(CaseOpening.class), context.getBean(OverdueItems.class),
        context.getBean(TransactionTemplate.class), customerId, world.today());
    Case c = new Case(account, customerId, opened.getCaseNumber(), engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(opened.getProcessInstanceId()).singleResult());
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(c.instance().getId())
        .eventName("PaymentReceived").count()).as("the case does not wait for payments yet").isZero();

    // the payment arrives; then the case's first job runs (world.pay runs the case's jobs after the payment)
    world.pay(c, "1000.00", account + "-1 " + account + "-2");

    Map<String, Object> waiting = noticeOf(c);
    assertThat(waiting.get("delivered_at")).isNull();
    assertThat((String) waiting.get("last_error")).contains(c.number()).contains("still starting");
    assertThat(jdbc.queryForObject("select next_attempt_at from case_payment_notices where customer_account = ?",
        java.sql.Timestamp.class, account).toInstant()).isAfter(Instant.now());
    assertThat(world.record(c).getStatus()).isEqualTo(CollectionCase.Status.OPEN);
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(c.instance().getId())
        .eventName("PaymentReceived").count()).as("the case now waits for payments").isOne();

    theRetryClosesTheCaseAsPaid(c);
  }

  /**
   * A real optimistic-locking conflict: another transaction changes the case's executions while the delivery
   * is under way (as a case job running at the same moment does). The payment stays stored and allocated,
   * the delivery is rolled back and waits for its retry, the retry moves the case; no incident.
   */
  @Test
  void aDeliveryThatMeetsAConflictIsRetriedAndTheStatementStays() throws Exception {
    assumeTrue(TestDatabase.postgres(), "the row-lock choreography of this test needs PostgreSQL's row versions");
    Case c = world.openCase("STANDARD", "sally", "Retail", 400, 600);
    String instance = c.instance().getId();

    try (Connection caseJob = dataSource.getConnection()) {
      caseJob.setAutoCommit(false);
      try (PreparedStatement bump = caseJob.prepareStatement(
          "update ACT_RU_EXECUTION set REV_ = REV_ + 1 where PROC_INST_ID_ = ?")) {
        bump.setString(1, instance);
        assertThat(bump.executeUpdate()).isPositive();
      }
      CompletableFuture<Void> payment = CompletableFuture.runAsync(
          () -> world.pay(c, "1000.00", c.account() + "-1 " + c.account() + "-2"));
      waitUntilTheDeliveryWaitsForALock(payment);
      caseJob.commit();
      payment.get(120, TimeUnit.SECONDS);
    }

    assertThat(jdbc.queryForObject("select status from payments p where exists (select 1 from allocations a "
        + "join invoices i on i.id = a.invoice_id where a.payment_id = p.id and i.invoice_number = ?)", String.class,
        c.account() + "-1")).isEqualTo("MATCHED");
    assertThat(jdbc.queryForList("select status from invoices where invoice_number in (?, ?)", String.class,
        c.account() + "-1", c.account() + "-2")).containsOnly("PAID");
    assertThat(world.record(c).getStatus()).isEqualTo(CollectionCase.Status.OPEN);
    Map<String, Object> failed = noticeOf(c);
    assertThat(failed.get("delivered_at")).isNull();
    assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(1);
    assertThat((String) failed.get("last_error")).contains("OptimisticLocking");
    assertThat(((java.sql.Timestamp) failed.get("next_attempt_at")).toInstant()).isAfter(Instant.now());

    // not due yet: the poller leaves it alone until its pause is over
    assertThat(notices.deliverDue(Instant.now())).isZero();
    theRetryClosesTheCaseAsPaid(c);
    // delivered once: a second round finds nothing to do
    assertThat(notices.deliverDue(Instant.now().plus(Duration.ofHours(1)))).isZero();
  }

  /** The notice's second attempt (its pause over) reaches the case, which closes as paid; no incident. */
  private void theRetryClosesTheCaseAsPaid(Case c) {
    assertThat(notices.deliverDue(Instant.now().plus(Duration.ofMinutes(1)))).isEqualTo(1);
    world.runJobs(c);

    assertThat(world.record(c).getStatus()).isEqualTo(CollectionCase.Status.CLOSED);
    assertThat(world.record(c).getOutcome()).isEqualTo("PAID");
    Map<String, Object> delivered = noticeOf(c);
    assertThat(delivered.get("delivered_at")).isNotNull();
    assertThat(delivered.get("case_number")).isEqualTo(c.number());
    assertThat(((Number) delivered.get("attempts")).intValue()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT where PROC_INST_ID_ = ?", Integer.class,
        c.instance().getId())).isZero();
  }

  private void waitUntilTheDeliveryWaitsForALock(CompletableFuture<Void> payment) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < until) {
      if (payment.isDone()) {
        payment.join();
        throw new AssertionError("the payment finished without meeting the conflict");
      }
      Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
          + "and wait_event_type = 'Lock'", Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the delivery never reached the case's executions");
  }

  private Map<String, Object> noticeOf(Case c) {
    return jdbc.queryForMap("select * from case_payment_notices where customer_account = ?", c.account());
  }
}
