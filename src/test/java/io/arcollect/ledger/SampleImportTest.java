package io.arcollect.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.demo.IbmSample;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

@ArcollectSpringBootTest
class SampleImportTest {

  @Autowired TestRestTemplate rest;
  @Autowired LedgerStatistics statistics;

  @Test
  void theIbmSampleImportsOnceAndAgainChangesNothing() {
    LedgerClient ledger = new LedgerClient(rest);
    IbmSample sample = IbmSample.load();
    long customersBefore = statistics.customerCount();
    long invoicesBefore = statistics.invoiceCount();

    ResponseEntity<Map> customers = ledger.importCustomers(sample.customersCsv());
    ResponseEntity<Map> invoices = ledger.importInvoices(sample.historicalInvoicesCsv());

    assertThat(customers.getBody()).containsEntry("accepted", 100).containsEntry("updated", 0)
        .containsEntry("rejected", List.of());
    assertThat(invoices.getBody()).containsEntry("accepted", 2466).containsEntry("rejected", List.of());
    assertThat(statistics.customerCount() - customersBefore).isEqualTo(100);
    assertThat(statistics.invoiceCount() - invoicesBefore).isEqualTo(2466);

    assertThat(ledger.importContacts(sample.contactsCsv()).getBody()).containsEntry("accepted", 100)
        .containsEntry("rejected", List.of());
    assertThat(ledger.importCustomers(sample.customersCsv()).getBody())
        .containsEntry("accepted", 0).containsEntry("updated", 0).containsEntry("unchanged", 100);
    assertThat(ledger.importContacts(sample.contactsCsv()).getBody()).containsEntry("unchanged", 100);
    assertThat(ledger.importInvoices(sample.historicalInvoicesCsv()).getBody())
        .containsEntry("accepted", 0).containsEntry("updated", 0).containsEntry("unchanged", 2466);

    // the history the analysis learns from: first row of the sample, settled 13 days after issue
    Map<String, Object> invoice = ledger.invoice("0000611365");
    assertThat(invoice).containsEntry("customerAccount", "0379-NEVHP").containsEntry("status", "PAID")
        .containsEntry("paidDate", "2013-01-15").containsEntry("daysLate", -17);
    Map<String, Object> analysis = ledger.rest().getForObject("/api/customers/0379-NEVHP/analysis", Map.class);
    assertThat(((Number) analysis.get("paidInvoiceCount")).intValue()).isPositive();
  }

  @Test
  void theDemoViewOfTheSampleHasPaidHistoryCurrentAndOverdueItems() {
    String csv = IbmSample.load().invoicesOnBusinessDate(java.time.LocalDate.of(2026, 11, 22));
    List<String> rows = csv.lines().skip(1).toList();
    long open = rows.stream().filter(r -> r.contains(",OPEN,")).count();
    long overdue = rows.stream().filter(r -> r.contains(",OPEN,"))
        .filter(r -> java.time.LocalDate.parse(r.split(",")[3]).isBefore(java.time.LocalDate.of(2026, 11, 22))).count();
    assertThat(rows).hasSize(1930);
    assertThat(open).isEqualTo(84);
    assertThat(overdue).isEqualTo(12);
  }
}
