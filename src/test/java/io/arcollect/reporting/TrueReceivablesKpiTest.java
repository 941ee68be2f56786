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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, "wrong KPIs": DSO, CEI, aging and recovery on a ledger with a write-off, credit notes and partial
 * payments, worked out by hand. One customer in DKK (a currency no other test uses), the first quarter of 2021
 * (90 days; "begin" is the end of 2020-12-31, "end" the end of 2021-03-31).
 *
 * <pre>
 * invoice  issued      due         amount  what happened                                               open at end
 * DK-A     2020-12-01  2020-12-31    4000  correction (credit) 1000 on 01-15, paid 3000 on 02-10 (PAID)          0
 * DK-B     2020-11-15  2020-12-15    5000  paid 2000 on 01-20, the 3000 left written off on 03-10                0
 * DK-C     2021-01-10  2021-02-09    6000  paid 2500 on 03-01                                                 3500
 * DK-D     2021-02-15  2021-03-17    2000  credit note over all of it on 03-05 (CREDITED)                        0
 * DK-E     2021-03-20  2021-04-19    1500  open, not yet due                                                  1500
 * DK-G     2020-09-01  2020-10-01     700  written off on 2020-12-20, before the quarter                         0
 *
 * begin receivables   = A 4000 + B 5000 (G was written off before)                            = 9000
 * credit sales        = C 6000 + D 2000 + E 1500                                              = 9500
 * end receivables     = C 3500 + E 1500                                                       = 5000
 * end current         = E 1500 (C is 50 days past due)                                         = 1500
 * DSO = 5000 / 9500 * 90                                                  = 47.37  -> 47.4
 * CEI = (9000 + 9500 - 5000) / (9000 + 9500 - 1500) * 100 = 13500 / 17000 * 100 = 79.41 -> 79.4
 * </pre>
 *
 * Before write-offs and credit notes were dated ledger events (the defect), a written-off invoice kept its open
 * amount and a credit was taken off as if it had always been: B's 3000 and G's 700 stayed owed at the end (end
 * receivables 8700, DSO 82.4, CEI 57.6) and A's begin was 3000 instead of 4000.
 *
 * Recovery of case DK-K1 (A and B, 9000 at opening, 2021-01-05 to 2021-03-10 = 64 days, written off): received while
 * open A 3000 + B 2000 = 5000; there was 9000 - 1000 (A's correction, never owed) = 8000 to recover: 62.5 % (not
 * 5000 / 9000 = 55.6 %). The write-off stays in: it is lost.
 */
@ArcollectSpringBootTest
class TrueReceivablesKpiTest {

  private static final String PERIOD = "from=2021-01-01&to=2021-03-31";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void aQuarterOfTheDanishLedger() {
    if (jdbc.queryForObject("select count(*) from customers where account_number = 'KPI-DK-1'", Long.class) > 0) {
      return;
    }
    jdbc.update("insert into customers (account_number, name, tier, currency, language, time_zone) "
        + "values ('KPI-DK-1', 'Øresund Byg ApS', 'STANDARD', 'DKK', 'en', 'Europe/Copenhagen')");
    long customer = jdbc.queryForObject("select id from customers where account_number = 'KPI-DK-1'", Long.class);
    long a = invoice(customer, "DK-A", "2020-12-01", "2020-12-31", 4000, 0, "PAID", "2021-02-10");
    long b = invoice(customer, "DK-B", "2020-11-15", "2020-12-15", 5000, 0, "WRITTEN_OFF", null);
    long c = invoice(customer, "DK-C", "2021-01-10", "2021-02-09", 6000, 3500, "OPEN", null);
    long d = invoice(customer, "DK-D", "2021-02-15", "2021-03-17", 2000, 0, "CREDITED", null);
    invoice(customer, "DK-E", "2021-03-20", "2021-04-19", 1500, 1500, "OPEN", null);
    long g = invoice(customer, "DK-G", "2020-09-01", "2020-10-01", 700, 0, "WRITTEN_OFF", null);
    adjustment(a, "CORRECTION", 1000, "2021-01-15", "fiona", "DK-K1");
    received(a, 3000, "2021-02-10");
    received(b, 2000, "2021-01-20");
    adjustment(b, "WRITE_OFF", 3000, "2021-03-10", "fiona", "DK-K1");
    received(c, 2500, "2021-03-01");
    adjustment(d, "CREDIT_NOTE", 2000, "2021-03-05", "sally", null);
    adjustment(g, "WRITE_OFF", 700, "2020-12-20", "frank", null);
    long k1 = 900_000_101L;
    jdbc.update("insert into collection_cases (id, case_number, customer_id, customer_account, status, stage, strategy, "
        + "owning_department, currency, amount_at_open, outstanding_amount, outcome, opened_at, closed_at) values "
        + "(?, 'DK-K1', ?, 'KPI-DK-1', 'CLOSED', 'CLOSED', 'HAND_COMPUTED_DK', 'finance', 'DKK', 9000, 0, 'WRITTEN_OFF', ?, ?)",
        k1, customer, Timestamp.from(Instant.parse("2021-01-05T09:00:00Z")),
        Timestamp.from(Instant.parse("2021-03-10T09:00:00Z")));
    jdbc.update("insert into case_invoices (case_id, invoice_id, joined_at) values (?, ?, ?), (?, ?, ?)",
        k1, a, Timestamp.from(Instant.parse("2021-01-05T09:00:00Z")), k1, b, Timestamp.from(Instant.parse("2021-01-05T09:00:00Z")));
  }

  @Test
  void dsoAndCeiCountNeitherWrittenOffNorCreditedAmountsAsOwed() {
    Map<String, Object> dkk = row(rows(kpi("receivables", PERIOD)), "currency", "DKK");

    assertThat(dkk).containsEntry("begin_receivables", 9000.0).containsEntry("credit_sales", 9500.0)
        .containsEntry("end_receivables", 5000.0).containsEntry("end_current_receivables", 1500.0)
        .containsEntry("days", 90).containsEntry("dso", 47.4).containsEntry("cei", 79.4);
  }

  @Test
  void receivablesOnADayInsideTheQuarterKnowWhatWasCreditedAndWrittenOffByThen() {
    // the end of 2021-02-28: A paid (3000 on 02-10 after the 1000 credit on 01-15) = 0; B 5000 - 2000 paid = 3000
    // (written off only on 03-10); C 6000 (nothing paid yet); D 2000 (credited only on 03-05) = 11000;
    // current (due on or after 02-28): D 2000
    Map<String, Object> dkk = row(rows(kpi("receivables", "from=2021-01-01&to=2021-02-28")), "currency", "DKK");

    assertThat(dkk).containsEntry("begin_receivables", 9000.0).containsEntry("credit_sales", 8000.0)
        .containsEntry("end_receivables", 11000.0).containsEntry("end_current_receivables", 2000.0);
  }

  @Test
  void agingShowsWhatTheReceivablesSay() {
    // C (due 02-09) is 50 days past due on 03-31, E is current; the written-off B and G and the credited D are gone
    assertThat(row(rows(kpi("aging", PERIOD)), "currency", "DKK")).containsEntry("current", 1500.0)
        .containsEntry("days_31_60", 3500.0).containsEntry("total", 5000.0);
    assertThat(jdbc.queryForObject("select sum(open_amount) from invoices i join customers c on c.id = i.customer_id "
        + "where c.account_number = 'KPI-DK-1'", java.math.BigDecimal.class)).isEqualByComparingTo("5000");
  }

  @Test
  void recoveryDoesNotCountACreditNoteAsMoneyThatWasOwed() {
    assertThat(row(rows(kpi("recovery", PERIOD + "&by=strategy")), "strategy", "HAND_COMPUTED_DK"))
        .containsEntry("cases_closed", 1).containsEntry("recovery_rate", 62.5).containsEntry("avg_days_to_close", 64.0);
  }

  // --- the hand-computed ledger

  private long invoice(long customer, String number, String issued, String due, int amount, int open, String status,
      String paid) {
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
            + "status, paid_date) values (?, ?, ?, ?, ?, ?, 'DKK', ?, ?)", number, customer, Date.valueOf(issued),
        Date.valueOf(due), amount, open, status, paid == null ? null : Date.valueOf(paid));
    return jdbc.queryForObject("select id from invoices where invoice_number = ?", Long.class, number);
  }

  private void received(long invoice, int amount, String valueDate) {
    String reference = "KPI-DK-PAY-" + invoice + "-" + valueDate;
    Timestamp at = Timestamp.valueOf(LocalDate.parse(valueDate).atTime(12, 0));
    jdbc.update("insert into payments (bank_reference, value_date, amount, unallocated_amount, currency, status, received_at) "
        + "values (?, ?, ?, 0, 'DKK', 'MATCHED', ?)", reference, Date.valueOf(valueDate), amount, at);
    long payment = jdbc.queryForObject("select id from payments where bank_reference = ?", Long.class, reference);
    jdbc.update("insert into allocations (payment_id, invoice_id, amount, allocated_at) values (?, ?, ?, ?)", payment,
        invoice, amount, at);
  }

  private void adjustment(long invoice, String kind, int amount, String date, String user, String caseNumber) {
    jdbc.update("insert into receivable_adjustments (invoice_id, kind, amount, currency, effective_date, recorded_at, "
        + "user_id, case_number) values (?, ?, ?, 'DKK', ?, ?, ?, ?)", invoice, kind, amount, Date.valueOf(date),
        Timestamp.valueOf(LocalDate.parse(date).atTime(15, 0)), user, caseNumber);
  }

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

  private static Map<String, Object> row(List<Map<String, Object>> rows, String column, String value) {
    return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
        .orElseThrow(() -> new AssertionError("No row with " + column + " " + value + " in " + rows));
  }
}
