package io.arcollect.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bad files and bad rows: a clear report or a 4xx, and nothing of the rejected part stored. */
@ArcollectSpringBootTest
class ImportRejectionTest {

  @Autowired TestRestTemplate rest;
  @Autowired LedgerStatistics statistics;

  private LedgerClient ledger() {
    return new LedgerClient(rest);
  }

  @Test
  void aFileWithWrongColumnsIsRefusedWhole() {
    long before = statistics.customerCount();
    ResponseEntity<Map> response = ledger().importCustomers("account,customer_name\nR-1,Acme\n");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) response.getBody().get("detail")).contains("Missing column(s) account_number, name");
    assertThat(statistics.customerCount()).isEqualTo(before);
  }

  @Test
  void anEmptyFileIsRefused() {
    ResponseEntity<Map> response = ledger().importInvoices("");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("detail")).contains("empty").contains("invoice_number");
  }

  @Test
  void badRowsAreReportedByLineAndGoodRowsAreKept() {
    ledger().importCustomers(LedgerClient.customers("R-100,Rowland Ltd,STANDARD"));
    long before = statistics.invoiceCount();
    String csv = String.join(",", InvoiceImport.COLUMNS) + ",erp_comment\n"
        + "R-INV-1,R-100,2026-10-01,2026-10-31,100.00,USD,100.00,OPEN,,false,fine\n"      // line 2: good
        + "R-INV-2,R-100,01/10/2026,2026-10-31,100.00,USD,100.00,OPEN,,false,\n"          // line 3: US date
        + "R-INV-3,R-100,2026-10-01,2026-10-31,-5.00,USD,0,OPEN,,false,\n"                 // line 4: negative
        + "R-INV-4,R-100,2026-10-01,2026-10-31,12;50,USD,12.50,OPEN,,false,\n"             // line 5: not a number
        + "R-INV-5,R-404,2026-10-01,2026-10-31,10.00,USD,10.00,OPEN,,false,\n"             // line 6: unknown customer
        + "R-INV-6,R-100,2026-10-01,2026-10-31,10.00,USD,10.00,OPEN,,false,\n"             // line 7: duplicate...
        + "R-INV-6,R-100,2026-10-01,2026-10-31,11.00,USD,11.00,OPEN,,false,\n"             // line 8: ...of line 7
        + "R-INV-7,R-100,2026-10-01,2026-10-31,10.00,XYZ,10.00,OPEN,,false,\n"             // line 9: currency
        + "R-INV-8,R-100,2026-10-01,2026-10-31,10.00,USD,0,PAID,,false,\n";            // line 10: PAID, no date

    ResponseEntity<Map> response = ledger().importInvoices(csv);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("accepted", 1);
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) response.getBody().get("rejected");
    assertThat(rejected).extracting(r -> r.get("line")).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(rejected).extracting(r -> (String) r.get("reason")).satisfiesExactly(
        r -> assertThat(r).contains("issue_date '01/10/2026' is not an ISO date"),
        r -> assertThat(r).contains("amount -5.00 is negative"),
        r -> assertThat(r).contains("amount '12;50' is not a number"),
        r -> assertThat(r).contains("customer_account R-404 is not a known customer"),
        r -> assertThat(r).contains("R-INV-6 appears more than once").contains("lines 7, 8"),
        r -> assertThat(r).contains("R-INV-6 appears more than once"),
        r -> assertThat(r).contains("currency 'XYZ'"),
        r -> assertThat(r).contains("PAID invoice needs its paid_date"));
    assertThat(statistics.invoiceCount()).isEqualTo(before + 1);
    assertThat(ledger().invoice("R-INV-1")).containsEntry("openAmount", 100.0);
    assertThat(rest.withBasicAuth("frank", "frank").getForEntity("/api/invoices/R-INV-6", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aTwentyMegabyteFileIsRefusedAndNothingIsStored() {
    long before = statistics.customerCount();
    StringBuilder csv = new StringBuilder(String.join(",", CustomerImport.COLUMNS)).append('\n');
    int row = 0;
    while (csv.length() < 20 * 1024 * 1024) {
      csv.append("BIG-").append(row++).append(",Big Customer ").append(row)
          .append(",SMALL,Retail,1000,USD,en,Europe/Berlin,ap@big.example,,\n");
    }
    ResponseEntity<Map> response = ledger().importCustomers(csv.toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat((String) response.getBody().get("detail")).contains("larger than the limit of 10 MB");
    assertThat(statistics.customerCount()).isEqualTo(before);
  }

  @Test
  void onlyFinanceMayImport() {
    ResponseEntity<Map> asSales = rest.withBasicAuth("sally", "sally").postForEntity("/api/customers/import",
        new org.springframework.http.HttpEntity<>(LedgerClient.customers("R-200,Sneaky,KEY"),
            headers("text/csv")), Map.class);
    assertThat(asSales.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("frank", "frank").getForEntity("/api/customers/R-200", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void reimportingAChangedCustomerUpdatesIt() {
    ledger().importCustomers(LedgerClient.customers("R-300,Old Name GmbH,SMALL"));
    ResponseEntity<Map> again = ledger().importCustomers(LedgerClient.customers("R-300,New Name GmbH,STANDARD"));
    assertThat(again.getBody()).containsEntry("updated", 1).containsEntry("accepted", 0);
    assertThat(ledger().customer("R-300")).containsEntry("name", "New Name GmbH").containsEntry("tier", "STANDARD");
  }

  private static org.springframework.http.HttpHeaders headers(String type) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(type));
    return headers;
  }
}
