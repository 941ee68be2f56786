package io.arcollect.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import io.arcollect.testsupport.TestDatabase;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Prints how long each KPI takes over a million invoices (10,000 customers, two years, 450,000 payments,
 * 100,000 closed cases with contacts and promises) in a database of its own. Not part of the suite: run with
 * {@code ./mvnw test -Dtest=KpiBenchmark -Darcollect.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (H2 pass, then PostgreSQL pass). It measures and prints; it does not fail on time.
 */
@ArcollectSpringBootTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "arcollect.benchmark", matches = "true")
class KpiBenchmark {

  private static final int INVOICES = 1_000_000;
  private static final int CUSTOMERS = 10_000;
  private static final int CASES = 100_000;
  private static final LocalDate FROM = LocalDate.parse("2025-01-01");
  private static final LocalDate TO = LocalDate.parse("2025-12-31");

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestDatabase.freshDatabaseUrl("benchmark"));
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired KpiReport report;

  @Test
  void kpisOverAMillionInvoices() {
    long loading = System.nanoTime();
    load();
    System.out.printf("[benchmark] %s: loaded %,d invoices in %,d s%n", database(), INVOICES,
        (System.nanoTime() - loading) / 1_000_000_000);

    time("aging", () -> report.aging(TO));
    time("receivables (DSO, CEI)", () -> report.receivables(FROM, TO));
    time("promises", () -> report.promises(FROM, TO, null));
    time("cases per month", () -> report.cases(FROM, TO, null));
    time("recovery by strategy", () -> report.recovery(FROM, TO, null, KpiReport.RecoveryBy.STRATEGY));
    time("recovery by collector", () -> report.recovery(FROM, TO, null, KpiReport.RecoveryBy.COLLECTOR));
    time("recovery by department, sales", () -> report.recovery(FROM, TO, "sales", KpiReport.RecoveryBy.DEPARTMENT));
  }

  private void time(String kpi, Supplier<KpiTable> query) {
    long[] runs = new long[3];
    KpiTable table = null;
    for (int run = 0; run < runs.length; run++) {
      long start = System.nanoTime();
      table = query.get();
      runs[run] = (System.nanoTime() - start) / 1_000_000;
    }
    assertThat(table.rows()).as(kpi).isNotEmpty();
    // H2 answers a repeated query from its cache: the first run is the one that counts there
    System.out.printf("[benchmark] %s: %-32s first: %,6d ms, then %,d and %,d ms%n", database(), kpi, runs[0], runs[1],
        runs[2]);
  }

  private void load() {
    jdbc.update("insert into customers (account_number, name, tier, currency, language, time_zone) "
        + "select 'BM-' || g, 'Benchmark customer ' || g, 'STANDARD', 'EUR', 'en', 'Europe/Berlin' from " + numbers(CUSTOMERS));
    long first = jdbc.queryForObject("select min(id) from customers", Long.class);
    // every tenth invoice is open; the others were paid 10 days early to 19 days late
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
        + "status, paid_date, days_late) select 'BI-' || g, " + first + " + mod(g, " + CUSTOMERS + "), "
        + day("mod(g, 730)") + ", " + day("mod(g, 730) + 30") + ", 100 + mod(g, 900), "
        + "case when mod(g, 10) = 0 then 100 + mod(g, 900) else 0 end, 'EUR', "
        + "case when mod(g, 10) = 0 then 'OPEN' else 'PAID' end, "
        + "case when mod(g, 10) = 0 then null else " + day("mod(g, 730) + 20 + mod(g, 30)") + " end, "
        + "case when mod(g, 10) = 0 then null else mod(g, 30) - 10 end from " + numbers(INVOICES));
    // the invoices paid from 2025 on were paid through the bank
    jdbc.update("insert into payments (bank_reference, value_date, amount, unallocated_amount, currency, status, received_at) "
        + "select 'BP-' || i.invoice_number, i.paid_date, i.amount, 0, 'EUR', 'MATCHED', current_timestamp "
        + "from invoices i where i.paid_date >= date '2025-01-01'");
    jdbc.update("insert into allocations (payment_id, invoice_id, amount, allocated_at) select p.id, i.id, i.amount, "
        + "p.received_at from invoices i join payments p on p.bank_reference = 'BP-' || i.invoice_number");
    jdbc.update("insert into collection_cases (id, case_number, customer_id, customer_account, status, stage, strategy, "
        + "owning_department, currency, amount_at_open, outstanding_amount, outcome, opened_at, closed_at) "
        + "select g, 'BC-' || g, " + first + " + mod(g, " + CUSTOMERS + "), 'BM', 'CLOSED', 'CLOSED', "
        + "case mod(g, 3) when 0 then 'STANDARD_DUNNING' when 1 then 'KEY_ACCOUNT_CARE' else 'SMALL_ACCOUNT_REMINDER' end, "
        + "case mod(g, 2) when 0 then 'sales' else 'finance' end, 'EUR', 1000, 0, "
        + "case mod(g, 4) when 0 then 'PAID' when 1 then 'SETTLED' when 2 then 'WRITTEN_OFF' else 'CANCELLED' end, "
        + minutes("g * 7") + ", " + minutes("g * 7 + 28800") + " from " + numbers(CASES));
    jdbc.update("insert into case_invoices (case_id, invoice_id, joined_at) select c.id, i.id, c.opened_at "
        + "from collection_cases c join invoices i on i.invoice_number = 'BI-' || (c.id * 9)");
    jdbc.update("insert into contact_log (case_number, customer_id, channel, template, occurred_at, user_id, outcome) "
        + "select c.case_number, c.customer_id, 'PHONE', 'Task_InitialContact', c.opened_at, "
        + "'collector' || mod(c.id, 50), 'REACHED' from collection_cases c");
    jdbc.update("insert into promises_to_pay (case_number, amount, currency, promised_date, made_at, kept) "
        + "select c.case_number, 500, 'EUR', " + day("mod(c.id, 730)") + ", c.opened_at, mod(c.id, 3) <> 0 "
        + "from collection_cases c");
    if (TestDatabase.postgres()) {
      jdbc.execute("analyze");
    }
  }

  private static String database() {
    return TestDatabase.postgres() ? "PostgreSQL" : "H2";
  }

  /** The numbers 1..n as column g. */
  private static String numbers(int n) {
    return TestDatabase.postgres() ? "generate_series(1, " + n + ") as s(g)" : "(select x as g from system_range(1, " + n + ")) s";
  }

  /** 2024-01-01 plus a number of days. */
  private static String day(String days) {
    return TestDatabase.postgres() ? "(date '2024-01-01' + (" + days + ")::int)"
        : "cast(dateadd(day, " + days + ", date '2024-01-01') as date)";
  }

  /** 2024-01-01T00:00Z plus a number of minutes. */
  private static String minutes(String minutes) {
    return TestDatabase.postgres() ? "(timestamp with time zone '2024-01-01 00:00:00+00' + (" + minutes + ") * interval '1 minute')"
        : "dateadd(minute, " + minutes + ", timestamp with time zone '2024-01-01 00:00:00+00')";
  }
}
