package io.arcollect.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.ledger.CustomerImport;
import io.arcollect.ledger.InvoiceImport;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@ArcollectSpringBootTest
class CustomerAnalysisTest {

  @Autowired CustomerImport customers;
  @Autowired InvoiceImport invoices;
  @Autowired CustomerAnalysis analysis;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCustomersPaymentHistoryBecomesTheCreditGradeInputs() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-06-30 12:00:00"));
    customers.importCsv(csv(String.join(",", CustomerImport.COLUMNS) + "\n"
        + "G-100,Golf Garages,STANDARD,Retail,1000,USD,en,Europe/Berlin,,,\n"));
    // ten paid invoices, days late: -5, 0, 0, 0, 0, 0, 2, 4, 10, 30; two disputed; one open overdue 20 days
    String header = String.join(",", InvoiceImport.COLUMNS) + "\n";
    StringBuilder rows = new StringBuilder(header);
    int[] daysLate = {-5, 0, 0, 0, 0, 0, 2, 4, 10, 30};
    for (int i = 0; i < daysLate.length; i++) {
      LocalDate due = LocalDate.of(2026, 1, 31);
      rows.append("INV-G-").append(i).append(",G-100,2026-01-01,").append(due).append(",100.00,USD,0,PAID,")
          .append(due.plusDays(daysLate[i])).append(',').append(i < 2).append('\n');
    }
    rows.append("INV-G-OPEN,G-100,2026-05-11,2026-06-10,250.00,USD,250.00,OPEN,,false\n");
    invoices.importCsv(csv(rows.toString()));

    PaymentBehaviour behaviour = analysis.of("G-100").orElseThrow();

    assertThat(behaviour.paidInvoiceCount()).isEqualTo(10);
    assertThat(behaviour.latePaymentShare()).isEqualTo(0.4);
    assertThat(behaviour.averageDaysLate()).isEqualTo(round((2 + 4 + 10 + 30) / 4.0));
    // percentile_cont over 0,0,0,0,0,0,2,4,10,30 (early = 0): between 10 and 30 at 0.1 -> 12
    assertThat(behaviour.p90DaysLate()).isEqualTo(12);
    assertThat(behaviour.disputeShare()).isEqualTo(round(2 / 11.0));
    assertThat(behaviour.exposureRatio()).isEqualTo(0.25);
    assertThat(behaviour.oldestOpenDaysPastDue()).isEqualTo(20);
    assertThat(behaviour.decisionInputs()).containsEntry("paidInvoiceCount", 10).containsEntry("p90DaysLate", 12)
        .containsKeys("latePaymentShare", "averageDaysLate", "disputeShare", "exposureRatio", "oldestOpenDaysPastDue");

    Map<String, Object> viaRest = rest.withBasicAuth("fiona", "fiona").getForObject("/api/customers/G-100/analysis", Map.class);
    assertThat(viaRest).containsEntry("latePaymentShare", 0.4).containsEntry("oldestOpenDaysPastDue", 20);
  }

  @Autowired io.arcollect.ledger.ReceivableAdjustments adjustments;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * Issue 13: a written-off invoice has nothing open; write-offs and credit notes are dated events with their user,
   * and the analysis shows them. H-100 owes 400 + 600 (credit limit 2000, exposure 0.5); 150 of the 400 is credited
   * (a correction), then the 600 is written off: open 250, exposure 250 / 2000 = 0.125, credited 150, written off 600.
   */
  @Test
  void writeOffsAndCreditNotesLeaveNothingOpenAndAreDatedWithTheirUser() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-07-15 12:00:00"));
    customers.importCsv(csv(String.join(",", CustomerImport.COLUMNS) + "\n"
        + "H-100,Hotel Halden,STANDARD,Hospitality,2000,USD,en,Europe/Berlin,,,\n"));
    invoices.importCsv(csv(String.join(",", InvoiceImport.COLUMNS) + "\n"
        + "INV-H-1,H-100,2026-05-01,2026-05-31,400.00,USD,400.00,OPEN,,true\n"
        + "INV-H-2,H-100,2026-05-10,2026-06-09,600.00,USD,600.00,OPEN,,false\n"));
    assertThat(analysis.of("H-100").orElseThrow().exposureRatio()).isEqualTo(0.5);

    adjustments.credit("H-100", java.util.List.of("INV-H-1"), new java.math.BigDecimal("150"),
        new io.arcollect.ledger.ReceivableAdjustments.MadeBy("sally", null, "price difference"));
    long h2 = jdbc.queryForObject("select id from invoices where invoice_number = 'INV-H-2'", Long.class);
    adjustments.writeOff(java.util.List.of(h2), new io.arcollect.ledger.ReceivableAdjustments.MadeBy("fiona", null, "insolvent"));

    assertThat(jdbc.queryForObject("select open_amount from invoices where invoice_number = 'INV-H-2'",
        java.math.BigDecimal.class)).isEqualByComparingTo("0");
    assertThat(jdbc.queryForList("select r.kind, r.amount, r.effective_date, r.user_id from receivable_adjustments r "
        + "join invoices i on i.id = r.invoice_id where i.invoice_number like 'INV-H-%' order by r.id"))
        .extracting(r -> r.get("KIND") != null ? r.get("KIND") : r.get("kind"),
            r -> new java.math.BigDecimal(String.valueOf(r.get("AMOUNT") != null ? r.get("AMOUNT") : r.get("amount"))).stripTrailingZeros().toPlainString(),
            r -> String.valueOf(r.get("EFFECTIVE_DATE") != null ? r.get("EFFECTIVE_DATE") : r.get("effective_date")),
            r -> r.get("USER_ID") != null ? r.get("USER_ID") : r.get("user_id"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CORRECTION", "150", "2026-07-15", "sally"),
            org.assertj.core.groups.Tuple.tuple("WRITE_OFF", "600", "2026-07-15", "fiona"));
    PaymentBehaviour behaviour = analysis.of("H-100").orElseThrow();
    assertThat(behaviour.openAmount()).isEqualByComparingTo("250");
    assertThat(behaviour.exposureRatio()).isEqualTo(0.125);
    assertThat(behaviour.creditedAmount()).isEqualByComparingTo("150");
    assertThat(behaviour.writtenOffAmount()).isEqualByComparingTo("600");
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static ByteArrayInputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
