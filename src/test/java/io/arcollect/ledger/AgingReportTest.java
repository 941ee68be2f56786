package io.arcollect.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@ArcollectSpringBootTest
class AgingReportTest {

  @Autowired TestRestTemplate rest;

  @Test
  void openAmountsFallIntoTheirDaysPastDueBucketsAtEveryBoundary() {
    LocalDate asOf = LocalDate.of(2031, 3, 15);
    LedgerClient ledger = new LedgerClient(rest);
    ledger.importCustomers(LedgerClient.customers("F-100,Foxtrot Foods,KEY"));
    // amounts are powers of two so every bucket's sum tells which invoices it holds
    int[] daysPastDue = {-10, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 400};
    String[] rows = new String[daysPastDue.length];
    for (int i = 0; i < daysPastDue.length; i++) {
      rows[i] = "INV-F-" + i + ",F-100," + asOf.minusDays(daysPastDue[i]) + "," + (1 << i) + ".00";
    }
    ledger.importInvoices(LedgerClient.openInvoices(rows));

    Map<String, Object> report = rest.withBasicAuth("fiona", "fiona")
        .getForObject("/api/reports/aging?asOf=" + asOf + "&limit=100000", Map.class);

    Map<String, Object> line = ((List<Map<String, Object>>) report.get("customers")).stream()
        .filter(l -> "F-100".equals(l.get("accountNumber"))).findFirst().orElseThrow();
    assertThat(report).containsEntry("asOf", asOf.toString());
    assertThat(line).containsEntry("current", 1.0 + 2)          // not yet due, due today
        .containsEntry("days1To30", 4.0 + 8)                      // 1 and 30 days
        .containsEntry("days31To60", 16.0 + 32)
        .containsEntry("days61To90", 64.0 + 128)
        .containsEntry("days91To180", 256.0 + 512)
        .containsEntry("over180", 1024.0 + 2048)
        .containsEntry("total", 4095.0);
  }

  @Test
  void theAgingReportNeedsALoginAndIsNotForSales() {
    assertThat(rest.getForEntity("/api/reports/aging", String.class).getStatusCode().value()).isEqualTo(401);
    // open amounts of every customer: not for sales, who see their own customers only
    assertThat(rest.withBasicAuth("sally", "sally").getForEntity("/api/reports/aging", String.class).getStatusCode()
        .value()).isEqualTo(403);
  }
}
