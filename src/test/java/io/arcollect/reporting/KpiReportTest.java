package io.arcollect.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPIs on a small ledger worked out by hand: one customer in NOK (a currency no other test uses) with
 * invoices and payments around the first quarter of 2019 (a period no other test touches), three cases and
 * five promises. The period 2019-01-01..2019-03-31 has 90 days; "begin" is the end of 2018-12-31.
 */
@ArcollectSpringBootTest
class KpiReportTest {

  private static final String PERIOD = "from=2019-01-01&to=2019-03-31";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void aQuarterOfTheNorwegianLedger() {
    if (jdbc.queryForObject("select count(*) from customers where account_number = 'KPI-NO-1'", Long.class) > 0) {
      return;
    }
    jdbc.update("insert into customers (account_number, name, tier, currency, language, time_zone) "
        + "values ('KPI-NO-1', 'Fjord Freight AS', 'STANDARD', 'NOK', 'en', 'Europe/Oslo')");
    long customer = jdbc.queryForObject("select id from customers where account_number = 'KPI-NO-1'", Long.class);
    // number, issued, due, amount, open, paid date; money received below
    long i1 = invoice(customer, "KPI-I1", "2018-11-01", "2018-12-01", 1000, 0, "2019-01-20");
    long i2 = invoice(customer, "KPI-I2", "2018-12-10", "2019-01-09", 2000, 500, null);
    invoice(customer, "KPI-I3", "2019-02-01", "2019-03-03", 3000, 3000, null);
    invoice(customer, "KPI-I4", "2019-03-15", "2019-04-14", 4000, 4000, null);
    long i5 = invoice(customer, "KPI-I5", "2019-01-10", "2019-02-09", 1000, 0, "2019-04-10");
    invoice(customer, "KPI-I6", "2019-01-05", "2019-02-04", 600, 0, "2019-03-01"); // paid in the ERP, no allocation
    long i7 = invoice(customer, "KPI-I7", "2019-02-10", "2019-03-12", 500, 0, "2019-04-05");
    invoice(customer, "KPI-I8", "2019-04-02", "2019-05-02", 700, 700, null);
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

  @Test
  void dsoAndCeiOfTheQuarterAreTheHandComputedOnes() {
    Map<String, Object> nok = row(kpi("receivables", PERIOD), "currency", "NOK");

    // begin: I1 1000 + I2 2000; sales: I3..I7; end: I2 500 + I3 3000 + I4 4000 + I5 1000 + I7 300; current: I4
    assertThat(nok).containsEntry("begin_receivables", 3000.0).containsEntry("credit_sales", 9100.0)
        .containsEntry("end_receivables", 8800.0).containsEntry("end_current_receivables", 4000.0)
        .containsEntry("days", 90);
    // DSO = 8800 / 9100 * 90 = 87.03; CEI = (3000 + 9100 - 8800) / (3000 + 9100 - 4000) * 100 = 40.74
    assertThat(nok).containsEntry("dso", 87.0).containsEntry("cei", 40.7);
  }

  @Test
  void agingAtTheEndOfThePeriodPutsEachOpenInvoiceInItsBucket() {
    assertThat(row(kpi("aging", PERIOD), "currency", "NOK")).containsEntry("current", 4700.0)
        .containsEntry("days_1_30", 3000.0).containsEntry("days_61_90", 500.0).containsEntry("total", 8200.0);
  }

  @Test
  void promiseKeptRateCountsCheckedPromisesDueInThePeriod() {
    List<Map<String, Object>> all = rows(kpi("promises", PERIOD));

    assertThat(row(all, "department", "all")).containsEntry("made", 4).containsEntry("checked", 3)
        .containsEntry("kept", 2).containsEntry("broken", 1).containsEntry("kept_rate", 66.7);
    assertThat(row(all, "department", "sales")).containsEntry("kept_rate", 100.0);
    assertThat(row(rows(kpi("promises", PERIOD + "&department=finance")), "department", "all"))
        .containsEntry("made", 2).containsEntry("kept_rate", 50.0);
  }

  @Test
  void casesAreCountedPerMonthOpenedAndClosedByOutcome() {
    List<Map<String, Object>> months = rows(kpi("cases", PERIOD));

    assertThat(months).extracting(m -> m.get("month"), m -> m.get("opened"), m -> m.get("closed"), m -> m.get("paid"),
        m -> m.get("written_off")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("2019-01", 1, 1, 1, 0),
            org.assertj.core.groups.Tuple.tuple("2019-02", 1, 0, 0, 0),
            org.assertj.core.groups.Tuple.tuple("2019-03", 1, 1, 0, 1));
  }

  @Test
  void recoveryAndDaysToCloseByStrategyDepartmentAndCollector() {
    // C1: 1000 of 1000 recovered in 20 days; C2: 1500 of 2000 in 30 days
    assertThat(row(rows(kpi("recovery", PERIOD + "&by=strategy")), "strategy", "STANDARD_DUNNING"))
        .containsEntry("cases_closed", 1).containsEntry("recovery_rate", 100.0).containsEntry("avg_days_to_close", 20.0);
    assertThat(row(rows(kpi("recovery", PERIOD + "&by=department")), "department", "finance"))
        .containsEntry("recovery_rate", 75.0).containsEntry("avg_days_to_close", 30.0);
    assertThat(row(rows(kpi("recovery", PERIOD + "&by=collector")), "collector", "sally"))
        .containsEntry("cases_closed", 2).containsEntry("recovery_rate", 87.5).containsEntry("avg_days_to_close", 25.0);

    ResponseEntity<String> csv = rest.withBasicAuth("frank", "frank")
        .getForEntity("/api/reports/kpis/recovery?" + PERIOD + "&by=collector&format=csv", String.class);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
    assertThat(csv.getBody()).startsWith("collector,cases_closed,recovery_rate,avg_days_to_close\r\n")
        .contains("\r\nfrank,1,75.0,30.0\r\n", "\r\nsally,2,87.5,25.0\r\n");
  }

  @Test
  void openTasksAddUpPerDepartment() {
    assertThat(rows(kpi("open-tasks", ""))).extracting(r -> r.get("department")).containsExactly("sales", "finance", "legal");
    assertThat(rows(kpi("open-tasks", ""))).allSatisfy(r -> assertThat((int) r.get("open")).isEqualTo(
        (int) r.get("not_overdue") + (int) r.get("overdue_1_7_days") + (int) r.get("overdue_8_30_days")
            + (int) r.get("overdue_over_30_days")));
  }

  @Test
  void badFiltersGetAProblemDetail() {
    for (String query : List.of("receivables?from=2019-04-01&to=2019-03-01", "cases?department=marketing",
        "recovery?by=weather", "aging?format=xlsx", "cases?from=2000-01-01&to=2019-01-01", "aging?to=yesterday")) {
      ResponseEntity<String> response = rest.withBasicAuth("frank", "frank").getForEntity("/api/reports/kpis/" + query, String.class);
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(rest.withBasicAuth("frank", "frank").getForEntity("/api/reports/kpis/happiness", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void salesGetNoCompanyWideFigures() {
    assertThat(rest.withBasicAuth("sally", "sally").getForEntity("/api/reports/kpis/aging", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  // --- the data set and the API

  private Map<String, Object> kpi(String name, String query) {
    ResponseEntity<Map> response = rest.withBasicAuth("audrey", "audrey")
        .getForEntity("/api/reports/kpis/" + name + "?" + query, Map.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> table) {
    return (List<Map<String, Object>>) table.get("rows");
  }

  private static Map<String, Object> row(Map<String, Object> table, String column, String value) {
    return row(rows(table), column, value);
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String column, String value) {
    return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
        .orElseThrow(() -> new AssertionError("No row with " + column + " " + value + " in " + rows));
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
