package io.arcollect.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small ledger whose KPIs are worked out by hand (see KpiReportTest): one customer in NOK (a currency no other
 * test uses) with invoices and payments around the first quarter of 2019 (a period no other test touches),
 * three cases and five promises. Written once per test run.
 */
final class KpiLedger {

  static final String PERIOD = "from=2019-01-01&to=2019-03-31";

  private final JdbcTemplate jdbc;

  private KpiLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static void ensure(JdbcTemplate jdbc) {
    new KpiLedger(jdbc).write();
  }

  private void write() {
    if (jdbc.queryForObject("select count(*) from customers where account_number = 'KPI-NO-1'", Long.class) > 0) {
      return;
    }
    jdbc.update("insert into customers (account_number, name, tier, currency, language, time_zone) "
        + "values ('KPI-NO-1', 'Fjord Freight AS', 'STANDARD', 'NOK', 'en', 'Europe/Oslo')");
    long customer = jdbc.queryForObject("select id from customers where account_number = 'KPI-NO-1'", Long.class);
    // number, issued, due, amount, open, paid date; money received below
    long i0 = invoice(customer, "KPI-I0", "2018-09-01", "2018-10-01", 900, 0, "2018-11-15"); // settled before
    long i1 = invoice(customer, "KPI-I1", "2018-11-01", "2018-12-01", 1000, 0, "2019-01-20");
    long i2 = invoice(customer, "KPI-I2", "2018-12-10", "2019-01-09", 2000, 500, null);
    invoice(customer, "KPI-I3", "2019-02-01", "2019-03-03", 3000, 3000, null);
    invoice(customer, "KPI-I4", "2019-03-15", "2019-04-14", 4000, 4000, null);
    long i5 = invoice(customer, "KPI-I5", "2019-01-10", "2019-02-09", 1000, 0, "2019-04-10");
    invoice(customer, "KPI-I6", "2019-01-05", "2019-02-04", 600, 0, "2019-03-01"); // paid in the ERP, no allocation
    long i7 = invoice(customer, "KPI-I7", "2019-02-10", "2019-03-12", 500, 0, "2019-04-05");
    invoice(customer, "KPI-I8", "2019-04-02", "2019-05-02", 700, 700, null);
    received(i0, 900, "2018-11-15");
    received(i1, 1000, "2019-01-20");
    received(i2, 1500, "2019-02-15");
    received(i5, 1000, "2019-04-10");
    received(i7, 200, "2019-03-20");
    received(i7, 300, "2019-04-05");

    long c1 = caseOf(customer, "KPI-C1", "sales", "STANDARD_DUNNING", 1000, "2019-01-05T09:00:00Z", "2019-01-25T09:00:00Z", "PAID");
    long c2 = caseOf(customer, "KPI-C2", "finance", "SMALL_ACCOUNT_REMINDER", 2000, "2019-02-01T09:00:00Z",
        "2019-03-03T09:00:00Z", "WRITTEN_OFF");
    caseOf(customer, "KPI-C3", "sales", "STANDARD_DUNNING", 3000, "2019-03-10T09:00:00Z", null, null);
    jdbc.update("insert into case_invoices (case_id, invoice_id, joined_at) values (?, ?, ?), (?, ?, ?)",
        c1, i1, Timestamp.from(Instant.parse("2019-01-05T09:00:00Z")), c2, i2, Timestamp.from(Instant.parse("2019-02-01T09:00:00Z")));
    contact("KPI-C1", customer, "sally", "2019-01-06T10:00:00Z");
    contact("KPI-C2", customer, "sally", "2019-02-02T10:00:00Z");
    contact("KPI-C2", customer, "frank", "2019-02-20T10:00:00Z");
    promise("KPI-C1", "2019-01-15", true);
    promise("KPI-C2", "2019-02-10", false);
    promise("KPI-C2", "2019-02-20", true);
    promise("KPI-C3", "2019-03-25", null);
    promise("KPI-C3", "2019-04-05", true);
  }

  private long invoice(long customer, String number, String issued, String due, int amount, int open, String paid) {
    String status = open > 0 ? "OPEN" : "PAID";
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
            + "status, paid_date) values (?, ?, ?, ?, ?, ?, 'NOK', ?, ?)", number, customer, Date.valueOf(issued),
        Date.valueOf(due), amount, open, status, paid == null ? null : Date.valueOf(paid));
    return jdbc.queryForObject("select id from invoices where invoice_number = ?", Long.class, number);
  }

  private void received(long invoice, int amount, String valueDate) {
    String reference = "KPI-PAY-" + invoice + "-" + valueDate;
    Timestamp at = Timestamp.valueOf(LocalDate.parse(valueDate).atTime(12, 0));
    jdbc.update("insert into payments (bank_reference, value_date, amount, unallocated_amount, currency, status, received_at) "
        + "values (?, ?, ?, 0, 'NOK', 'MATCHED', ?)", reference, Date.valueOf(valueDate), amount, at);
    long payment = jdbc.queryForObject("select id from payments where bank_reference = ?", Long.class, reference);
    jdbc.update("insert into allocations (payment_id, invoice_id, amount, allocated_at) values (?, ?, ?, ?)", payment,
        invoice, amount, at);
  }

  private long caseOf(long customer, String number, String department, String strategy, int amount, String opened,
      String closed, String outcome) {
    long id = 900_000_000L + Long.parseLong(number.substring(number.length() - 1));
    jdbc.update("insert into collection_cases (id, case_number, customer_id, customer_account, open_customer_id, status, "
            + "stage, strategy, owning_department, currency, amount_at_open, outstanding_amount, outcome, opened_at, "
            + "closed_at) values (?, ?, ?, 'KPI-NO-1', ?, ?, ?, ?, ?, 'NOK', ?, 0, ?, ?, ?)", id, number, customer,
        closed == null ? customer : null, closed == null ? "OPEN" : "CLOSED", closed == null ? "FOLLOW_UP" : "CLOSED",
        strategy, department, amount, outcome, Timestamp.from(Instant.parse(opened)),
        closed == null ? null : Timestamp.from(Instant.parse(closed)));
    return id;
  }

  private void contact(String caseNumber, long customer, String user, String at) {
    jdbc.update("insert into contact_log (case_number, customer_id, channel, template, occurred_at, user_id, outcome) "
        + "values (?, ?, 'PHONE', 'Task_FollowUpCall', ?, ?, 'REACHED')", caseNumber, customer,
        Timestamp.from(Instant.parse(at)), user);
  }

  private void promise(String caseNumber, String date, Boolean kept) {
    jdbc.update("insert into promises_to_pay (case_number, amount, currency, promised_date, made_at, kept) "
        + "values (?, 100, 'NOK', ?, ?, ?)", caseNumber, Date.valueOf(date),
        Timestamp.valueOf(LocalDate.parse(date).minusDays(7).atStartOfDay()), kept);
  }
}
