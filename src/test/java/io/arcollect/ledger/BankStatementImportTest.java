package io.arcollect.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ArcollectSpringBootTest
class BankStatementImportTest {

  @Autowired TestRestTemplate rest;
  @Autowired LedgerStatistics statistics;

  private LedgerClient ledger() {
    return new LedgerClient(rest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"camt053.v2.all-balance-types.xml", "camt053.v2.five.decimals.xml",
      "camt053.v2.minimal.ultimate.xml", "camt053.v2.minimal.xml", "camt053.v2.multi.statement.xml",
      "camt053.v2.with-account-name.xml", "camt053.v2.with-party-ids.xml", "camt053.v3.xml", "camt053.v4.xml",
      "camt053.v8.xml"})
  void everySampleStatementImportsAndImportingItAgainChangesNothing(String sample) throws IOException {
    String xml = sample(sample);
    ResponseEntity<Map> first = ledger().importStatement(xml);
    long paymentsAfterFirst = statistics.paymentCount();
    ResponseEntity<Map> second = ledger().importStatement(xml);

    assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.OK);
    Map<String, Object> report = first.getBody();
    assertThat((Integer) report.get("statements")).isPositive();
    int credits = (Integer) report.get("matched") + (Integer) report.get("partiallyMatched")
        + (Integer) report.get("unmatched") + (Integer) report.get("duplicates");
    assertThat(credits + (Integer) report.get("debits")).isEqualTo(report.get("entries"));
    assertThat(second.getBody()).containsEntry("matched", 0).containsEntry("partiallyMatched", 0)
        .containsEntry("unmatched", 0).containsEntry("duplicates", credits);
    assertThat(statistics.paymentCount()).isEqualTo(paymentsAfterFirst);
  }

  @Test
  void theMalformedSampleIsRejectedWithAClearProblemAndNothingIsStored() throws IOException {
    long before = statistics.paymentCount();
    ResponseEntity<Map> response = ledger().importStatement(sample("camt053.v2.wrong.xml"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("title", "Bank statement rejected");
    assertThat((String) response.getBody().get("detail")).isNotBlank();
    assertThat(statistics.paymentCount()).isEqualTo(before);
  }

  @Test
  void amountsAreKeptExactlyUpToFiveDecimalsAndNeverRoundedSilently() throws IOException {
    ledger().importStatement(sample("camt053.v2.five.decimals.xml"));
    List<Map<String, Object>> stored = rest.withBasicAuth("frank", "frank").getForObject("/api/payments?size=1000", List.class);
    assertThat(stored).extracting(p -> new BigDecimal(p.get("amount").toString()))
        .anySatisfy(amount -> assertThat(amount).isEqualByComparingTo("8.850"));

    ledger().importStatement(Camt053Builder.statement("STMT-P-1")
        .credit("REF-P-1", "1234.56789", "Precise Payer", "CH9300762011623852957", "five decimals").xml());
    assertThat(new BigDecimal(ledger().payment("REF-P-1").getBody().get("amount").toString()))
        .isEqualByComparingTo("1234.56789");

    long before = statistics.paymentCount();
    ResponseEntity<Map> sixDecimals = ledger().importStatement(Camt053Builder.statement("STMT-P-2")
        .credit("REF-P-2", "10.00", "Fine Payer", "CH9300762011623852957", "fine")
        .credit("REF-P-3", "1.123456", "Too Precise", "CH9300762011623852957", "six decimals").xml());
    assertThat(sixDecimals.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) sixDecimals.getBody().get("detail")).contains("1.123456").contains("more than 5 decimals");
    assertThat(statistics.paymentCount()).isEqualTo(before);
  }

  @Test
  void aStatementLineCarryingAnInvoiceNumberPaysThatInvoice() {
    ledger().importCustomers(LedgerClient.customers("B-100,Baker Brothers,STANDARD"));
    ledger().importInvoices(LedgerClient.openInvoices("INV-B-1,B-100,2026-09-30,250.00", "INV-B-2,B-100,2026-10-31,400.00"));

    ResponseEntity<Map> response = ledger().importStatement(Camt053Builder.statement("STMT-B-1")
        .credit("REF-B-1", "400.00", "Someone Else Entirely", "GB33BUKB20201555555555", "Payment of invoice INV-B-2, thanks")
        .xml());

    assertThat(response.getBody()).containsEntry("matched", 1);
    assertThat(ledger().invoice("INV-B-2")).containsEntry("status", "PAID").containsEntry("openAmount", 0.0);
    assertThat(ledger().invoice("INV-B-1")).containsEntry("status", "OPEN");
    Map<String, Object> payment = ledger().payment("REF-B-1").getBody();
    assertThat(payment).containsEntry("status", "MATCHED").containsEntry("customerAccount", "B-100");
  }

  @Test
  void aPaymentNamingSeveralInvoicesPaysTheOldestFirstAndKeepsTheRestAsCredit() {
    ledger().importCustomers(LedgerClient.customers("C-100,Carter Cranes,KEY"));
    ledger().importInvoices(LedgerClient.openInvoices("INV-C-1,C-100,2026-08-31,100.00",
        "INV-C-2,C-100,2026-09-30,200.00", "INV-C-3,C-100,2026-10-31,300.00"));

    // too little for both invoices named: the older one is paid, the newer one partly
    ledger().importStatement(Camt053Builder.statement("STMT-C-1")
        .credit("REF-C-1", "250.00", "Carter Cranes", "DE02120300000000202051", "INV-C-3 INV-C-2").xml());
    assertThat(ledger().invoice("INV-C-2")).containsEntry("status", "PAID");
    assertThat(ledger().invoice("INV-C-3")).containsEntry("status", "OPEN").containsEntry("openAmount", 250.0);
    assertThat(ledger().invoice("INV-C-1")).containsEntry("openAmount", 100.0);

    // more than the invoice named: the rest is the customer's credit
    ResponseEntity<Map> over = ledger().importStatement(Camt053Builder.statement("STMT-C-2")
        .credit("REF-C-2", "130.00", "Carter Cranes", "DE02120300000000202051", "INV-C-1").xml());
    assertThat(over.getBody()).containsEntry("partiallyMatched", 1);
    assertThat(ledger().invoice("INV-C-1")).containsEntry("status", "PAID");
    assertThat(ledger().customer("C-100")).containsEntry("creditBalance", 30.0);
  }

  @Test
  void withoutAnInvoiceNumberTheKnownPayerAndTheExactAmountDecide() {
    ledger().importCustomers(LedgerClient.customers("D-100,Delta Dairies,SMALL"));
    ledger().importInvoices(LedgerClient.openInvoices("INV-D-1,D-100,2026-09-30,75.50", "INV-D-2,D-100,2026-10-15,120.00"));

    ResponseEntity<Map> byName = ledger().importStatement(Camt053Builder.statement("STMT-D-1")
        .credit("REF-D-1", "120.00", "DELTA DAIRIES", "NL91ABNA0417164300", "October delivery").xml());
    assertThat(byName.getBody()).containsEntry("matched", 1);
    assertThat(ledger().invoice("INV-D-2")).containsEntry("status", "PAID");

    // the bank account is known now, whatever name the bank reports
    ResponseEntity<Map> byIban = ledger().importStatement(Camt053Builder.statement("STMT-D-2")
        .credit("REF-D-2", "75.50", "D. Dairies Holding", "NL91ABNA0417164300", "September").xml());
    assertThat(byIban.getBody()).containsEntry("matched", 1);
    assertThat(ledger().invoice("INV-D-1")).containsEntry("status", "PAID");
  }

  @Test
  void moneyNobodyCanPlaceIsListedForFinance() {
    ResponseEntity<Map> response = ledger().importStatement(Camt053Builder.statement("STMT-U-1")
        .credit("REF-U-1", "999.99", "Unknown Payer AG", "CH9300762011623852957", "see our letter").xml());

    assertThat(response.getBody()).containsEntry("unmatched", 1);
    assertThat(ledger().unmatchedPayments()).extracting(p -> p.get("bankReference")).contains("REF-U-1");
  }

  @Test
  void anExternalEntityIsRefusedAndNeverRead() throws IOException {
    Path secret = Files.createTempFile("arcollect-secret", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    long before = statistics.paymentCount();
    String xml = Camt053Builder.statement("STMT-X-1")
        .credit("REF-X-1", "10.00", "Evil", "CH9300762011623852957", "&xxe;").xml()
        .replace("&amp;xxe;", "&xxe;")
        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>");

    ResponseEntity<Map> response = ledger().importStatement(xml);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().toString()).doesNotContain("TOP-SECRET-CONTENT");
    assertThat(statistics.paymentCount()).isEqualTo(before);
    assertThat(ledger().payment("REF-X-1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static String sample(String name) throws IOException {
    try (InputStream in = BankStatementImportTest.class.getResourceAsStream("/camt/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
