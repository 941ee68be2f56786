package io.arcollect.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two statements paying the same invoice at the same moment never allocate more than is open. */
@ArcollectSpringBootTest
class ConcurrentAllocationTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @RepeatedTest(3)
  void twoStatementsRacingForOneInvoiceAllocateItsOpenAmountOnce(org.junit.jupiter.api.RepetitionInfo repetition)
      throws Exception {
    String n = "R" + repetition.getCurrentRepetition();
    LedgerClient ledger = new LedgerClient(rest);
    ledger.importCustomers(LedgerClient.customers("E-" + n + ",Echo Electrics " + n + ",STANDARD"));
    ledger.importInvoices(LedgerClient.openInvoices("INV-E-" + n + ",E-" + n + ",2026-10-31,500.00"));

    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<ResponseEntity<Map>>> imports = new ArrayList<>();
    for (int bank = 1; bank <= 2; bank++) {
      String xml = Camt053Builder.statement("STMT-E-" + n + "-" + bank)
          .credit("REF-E-" + n + "-" + bank, "500.00", "Payer " + bank, "DE0210000000000000000" + bank, "INV-E-" + n)
          .xml();
      imports.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return ledger.importStatement(xml);
      }));
    }
    start.countDown();
    List<Map> reports = imports.stream().map(CompletableFuture::join).map(ResponseEntity::getBody).toList();

    BigDecimal allocated = jdbc.queryForObject("select coalesce(sum(a.amount), 0) from allocations a join invoices i "
        + "on i.id = a.invoice_id where i.invoice_number = ?", BigDecimal.class, "INV-E-" + n);
    assertThat(allocated).isEqualByComparingTo("500.00");
    assertThat(ledger.invoice("INV-E-" + n)).containsEntry("status", "PAID").containsEntry("openAmount", 0.0);
    assertThat(reports).extracting(r -> r.get("matched")).containsExactlyInAnyOrder(1, 0);
    assertThat(reports).extracting(r -> r.get("unmatched")).containsExactlyInAnyOrder(0, 1);
  }
}
