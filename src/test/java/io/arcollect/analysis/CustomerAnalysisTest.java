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

    Map<String, Object> viaRest = rest.withBasicAuth("sally", "sally").getForObject("/api/customers/G-100/analysis", Map.class);
    assertThat(viaRest).containsEntry("latePaymentShare", 0.4).containsEntry("oldestOpenDaysPastDue", 20);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static ByteArrayInputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
