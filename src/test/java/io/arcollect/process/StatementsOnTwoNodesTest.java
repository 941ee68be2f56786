package io.arcollect.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arcollect.ArCollectApplication;
import io.arcollect.casework.AgingSweep;
import io.arcollect.ledger.BankStatementImport;
import io.arcollect.ledger.Camt053Builder;
import io.arcollect.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two ArCollect nodes on one PostgreSQL database, each with its own job executor and payment-notice workers: a
 * node that stops right after a statement's commit loses nothing (the other node's poller delivers the notices
 * and the cases close), and two statements and a sweep at once on the two nodes leave no duplicate, no lost
 * allocation and no incident.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementsOnTwoNodesTest {

  private static String database;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;
  private static JdbcTemplate jdbc;
  private static final LocalDate TODAY = LocalDate.now();

  @BeforeAll
  static void oneDatabase() {
    // PostgreSQL only: two more application contexts in the test JVM take over the Camunda webapps' JVM-wide
    // registrations, and the suite's shared context (started before) then answers 500 on /camunda/app/welcome/
    // (DashboardBrowserTest on H2, where the browser tests run). The scenario passed on H2 too when run alone.
    assumeTrue(TestDatabase.postgres(), "two nodes on one PostgreSQL database");
    database = TestDatabase.freshDatabaseUrl("two_nodes");
  }

  @AfterAll
  static void stopNodes() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
  }

  static ConfigurableApplicationContext node(String name, String... more) {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database,
        "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
        "--server.port=0",
            "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration", "--camunda.bpm.process-engine-name=" + name, "--camunda.bpm.job-execution.enabled=true",
        "--arcollect.payment-notices.poll-interval=1s"));
    args.addAll(List.of(more));
    // a setting given twice would reach Spring as "a,b": the last one wins
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    args.forEach(arg -> settings.put(arg.substring(0, arg.indexOf('=')), arg));
    return new SpringApplicationBuilder(ArCollectApplication.class).profiles("demo", "test")
        .run(settings.values().toArray(String[]::new));
  }

  @Test
  @Order(1)
  void aNodeThatStopsRightAfterTheCommitLosesNoCase() throws Exception {
    // a node that never gets to deliver: no delivery after the commit, no poller (as if it died at the commit)
    ConfigurableApplicationContext dying = node("dying", "--arcollect.payment-notices.deliver-after-commit=false",
        "--arcollect.payment-notices.poll-interval=0s", "--camunda.bpm.job-execution.enabled=false");
    jdbc = dying.getBean(JdbcTemplate.class);
    for (int i = 1; i <= 3; i++) {
      customerOwing("D" + i, 250);
    }
    dying.getBean(AgingSweep.class).run();
    runJobsUntilSettled(dying);
    assertThat(openCases("D%")).isEqualTo(3);
    Camt053Builder statement = Camt053Builder.statement("STMT-DYING");
    for (int i = 1; i <= 3; i++) {
      statement.credit("REF-D" + i, "250.00", "Customer D" + i, "DE02100000000000000D0" + i, "D" + i + "-1");
    }
    dying.getBean(BankStatementImport.class).importStatements(xml(statement));
    assertThat(jdbc.queryForObject("select count(*) from case_payment_notices where customer_account like 'D%' "
        + "and delivered_at is null", Integer.class)).isEqualTo(3);
    assertThat(openCases("D%")).isEqualTo(3);
    dying.close();

    nodeA = node("nodeA");
    jdbc = nodeA.getBean(JdbcTemplate.class);
    waitUntil(() -> openCases("D%") == 0, 180);
    assertThat(jdbc.queryForList("select outcome from collection_cases where customer_account like 'D%'", String.class))
        .containsOnly("PAID").hasSize(3);
    assertThat(jdbc.queryForObject("select count(*) from case_payment_notices where customer_account like 'D%' "
        + "and delivered_at is not null and attempts = 1", Integer.class)).isEqualTo(3);
  }

  @Test
  @Order(2)
  void twoStatementsAndASweepAtOnceOnTwoNodes() throws Exception {
    if (nodeA == null) {
      nodeA = node("nodeA");
    }
    nodeB = node("nodeB");
    jdbc = nodeA.getBean(JdbcTemplate.class);
    int n = 30;
    // K customers: a case is open, a new invoice became overdue since (the sweep joins it), statements pay both
    for (int i = 1; i <= n; i++) {
      customerOwing("K" + i, 300);
    }
    nodeA.getBean(AgingSweep.class).run();
    waitUntil(() -> openCases("K%") == n, 120);
    for (int i = 1; i <= n; i++) {
      invoice("K" + i + "-2", customerId("K" + i), 200, TODAY.minusDays(3));
    }
    // N customers: overdue, no case yet (the sweep opens theirs while the statements arrive)
    for (int i = 1; i <= n; i++) {
      customerOwing("N" + i, 150);
    }
    Camt053Builder first = Camt053Builder.statement("STMT-RACE-1");
    Camt053Builder second = Camt053Builder.statement("STMT-RACE-2");
    for (int i = 1; i <= n; i++) {
      first.credit("REF-K" + i + "-1", "300.00", "Customer K" + i, "DE021000000000000K1" + pad(i), "K" + i + "-1");
      second.credit("REF-K" + i + "-2", "200.00", "Customer K" + i, "DE021000000000000K2" + pad(i), "K" + i + "-2");
      if (i % 3 == 0) {
        // both statements pay this N invoice: one allocation, the other payment waits unmatched
        first.credit("REF-N" + i + "-A", "150.00", "Customer N" + i, "DE021000000000000NA" + pad(i), "N" + i + "-1");
        second.credit("REF-N" + i + "-B", "150.00", "Customer N" + i, "DE021000000000000NB" + pad(i), "N" + i + "-1");
      }
    }

    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<?>> work = List.of(
        CompletableFuture.runAsync(() -> {
          await(start);
          nodeA.getBean(BankStatementImport.class).importStatements(xml(first));
        }),
        CompletableFuture.runAsync(() -> {
          await(start);
          nodeB.getBean(BankStatementImport.class).importStatements(xml(second));
        }),
        CompletableFuture.runAsync(() -> {
          await(start);
          nodeB.getBean(AgingSweep.class).run();
        }));
    start.countDown();
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
    waitUntil(() -> undeliveredNotices() == 0 && dueJobs() == 0, 300);

    // no duplicate: one case per customer, one notice per payment that paid something, each delivered
    assertThat(jdbc.queryForObject("select count(*) from (select customer_account from collection_cases "
        + "where customer_account like 'K%' or customer_account like 'N%' group by customer_account having count(*) > 1) d",
        Integer.class)).isZero();
    // every N customer who still owes has its one open case; one whose invoice a statement paid has none (the
    // sweep read the payment, or the case it opened heard of it and closed as paid)
    for (int i = 1; i <= n; i++) {
      String account = "N" + i;
      assertThat(openCases(account)).as(account).isEqualTo(i % 3 == 0 ? 0 : 1);
    }
    assertThat(jdbc.queryForList("select distinct outcome from collection_cases where status = 'CLOSED' and "
        + "(customer_account like 'K%' or customer_account like 'N%')", String.class)).containsOnly("PAID");
    assertThat(jdbc.queryForObject("select count(*) from case_payment_notices", Integer.class))
        .isEqualTo(jdbc.queryForObject("select count(*) from payments where unallocated_amount < amount", Integer.class));
    assertThat(jdbc.queryForObject("select count(*) from (select bank_reference from case_payment_notices "
        + "group by bank_reference having count(*) > 1) d", Integer.class)).isZero();
    // no lost allocation: every invoice's paid part is its allocations, every payment is allocated or unallocated
    assertThat(jdbc.queryForList("select i.invoice_number from invoices i left join allocations a on a.invoice_id = i.id "
        // the paid history the test wrote directly has no payments; the invoices the statements pay do
        + "where i.invoice_number not like '%-P_' group by i.id, i.invoice_number, i.amount, i.open_amount "
        + "having i.amount - i.open_amount <> coalesce(sum(a.amount), 0)", String.class)).isEmpty();
    assertThat(jdbc.queryForList("select p.bank_reference from payments p left join allocations a on a.payment_id = p.id "
        + "group by p.id, p.bank_reference, p.amount, p.unallocated_amount "
        + "having p.amount <> p.unallocated_amount + coalesce(sum(a.amount), 0)", String.class)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from invoices where invoice_number like 'K%' and status <> 'PAID'",
        Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from payments where bank_reference like 'REF-N%' and status = 'MATCHED'",
        Integer.class)).isEqualTo(n / 3);
    // the cases moved: no case stays open for a customer who owes nothing, open cases show what is open
    assertThat(openCases("K%")).isZero();
    assertThat(jdbc.queryForList("select k.case_number from collection_cases k where k.status = 'OPEN' and "
        + "k.outstanding_amount <> (select coalesce(sum(i.open_amount), 0) from case_invoices ci join invoices i "
        + "on i.id = ci.invoice_id where ci.case_id = k.id)", String.class)).isEmpty();
    assertThat(jdbc.queryForList("select k.case_number from collection_cases k where k.status = 'OPEN' and not exists "
        + "(select 1 from case_invoices ci join invoices i on i.id = ci.invoice_id where ci.case_id = k.id "
        + "and i.status = 'OPEN')", String.class)).isEmpty();
    // the case processes know it too: each open case's process has the outstanding amount of its record
    assertThat(jdbc.queryForList("select k.case_number from collection_cases k join ACT_RU_EXECUTION e on "
        + "e.BUSINESS_KEY_ = k.case_number and e.ID_ = e.PROC_INST_ID_ join ACT_RU_VARIABLE v on v.EXECUTION_ID_ = e.ID_ "
        + "and v.NAME_ = 'outstandingAmount' where k.status = 'OPEN' and abs(v.DOUBLE_ - k.outstanding_amount) > 0.001",
        String.class)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from collection_cases k where k.status = 'OPEN' and not exists "
        + "(select 1 from ACT_RU_EXECUTION e where e.BUSINESS_KEY_ = k.case_number)", Integer.class)).isZero();
    // no incident, no job out of retries
    assertThat(jdbc.queryForList("select INCIDENT_MSG_ from ACT_RU_INCIDENT", String.class)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ = 0", Integer.class)).isZero();
    System.out.printf("[two nodes] notices: %s%n", jdbc.queryForList("select attempts, count(*) as notices "
        + "from case_payment_notices group by attempts order by attempts"));
    System.out.printf("[two nodes] retried because the case was still starting: %s, after a conflict: %s%n",
        jdbc.queryForObject("select count(*) from case_payment_notices where last_error like '%still starting%'",
            Integer.class),
        jdbc.queryForObject("select count(*) from case_payment_notices where last_error is not null "
            + "and last_error not like '%still starting%'", Integer.class));
  }

  private static String pad(int i) {
    return "%03d".formatted(i);
  }

  private static ByteArrayInputStream xml(Camt053Builder statement) {
    return new ByteArrayInputStream(statement.xml().getBytes(StandardCharsets.UTF_8));
  }

  private static void await(CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void customerOwing(String account, int amount) {
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email, "
        + "account_owner) values (?, ?, 'STANDARD', 'Retail', 'USD', 'en', 'Europe/Berlin', 'ap@example.com', 'sally')",
        account, "Customer " + account);
    long id = customerId(account);
    for (int i = 1; i <= 3; i++) {
      LocalDate due = TODAY.minusDays(40L * i + 30);
      jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
          + "status, paid_date, days_late) values (?, ?, ?, ?, 500, 0, 'USD', 'PAID', ?, 0)", account + "-P" + i, id,
          Date.valueOf(due.minusDays(30)), Date.valueOf(due), Date.valueOf(due));
    }
    invoice(account + "-1", id, amount, TODAY.minusDays(20));
  }

  private static void invoice(String number, long customerId, int amount, LocalDate due) {
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
        + "status) values (?, ?, ?, ?, ?, ?, 'USD', 'OPEN')", number, customerId, Date.valueOf(due.minusDays(30)),
        Date.valueOf(due), amount, amount);
  }

  private static long customerId(String account) {
    return jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
  }

  private static int openCases(String accounts) {
    return jdbc.queryForObject("select count(*) from collection_cases where status = 'OPEN' and customer_account like ?",
        Integer.class, accounts);
  }

  private static int undeliveredNotices() {
    return jdbc.queryForObject("select count(*) from case_payment_notices where delivered_at is null", Integer.class);
  }

  private static int dueJobs() {
    return jdbc.queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 "
        + "and (DUEDATE_ is null or DUEDATE_ <= current_timestamp)", Integer.class);
  }

  private static void runJobsUntilSettled(ConfigurableApplicationContext node) {
    var management = node.getBean(org.camunda.bpm.engine.ManagementService.class);
    for (int round = 0; round < 50; round++) {
      List<org.camunda.bpm.engine.runtime.Job> due = management.createJobQuery().executable().list().stream()
          .filter(job -> !"timer-intermediate-transition".equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
              .getJobHandlerType()) && !"timer-start-event".equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
              .getJobHandlerType())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not reached within " + seconds + " s; notices undelivered: " + undeliveredNotices()
            + ", jobs due: " + dueJobs() + ", incidents: " + jdbc.queryForList("select INCIDENT_MSG_ from ACT_RU_INCIDENT"));
      }
      Thread.sleep(500);
    }
  }

  @SuppressWarnings("unused")
  private static Map<String, Object> notice(String reference) {
    return jdbc.queryForMap("select * from case_payment_notices where bank_reference = ?", reference);
  }
}
