package io.arcollect.ledger;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The ledger's REST API as finance (frank) uses it. */
final class LedgerClient {

  private final TestRestTemplate rest;

  LedgerClient(TestRestTemplate rest) {
    this.rest = rest.withBasicAuth("frank", "frank");
  }

  ResponseEntity<Map> importCustomers(String csv) {
    return post("/api/customers/import", csv, "text/csv");
  }

  ResponseEntity<Map> importContacts(String csv) {
    return post("/api/customers/contacts/import", csv, "text/csv");
  }

  ResponseEntity<Map> importInvoices(String csv) {
    return post("/api/invoices/import", csv, "text/csv");
  }

  ResponseEntity<Map> importStatement(String xml) {
    return post("/api/bank-statements", xml, "application/xml");
  }

  Map<String, Object> invoice(String number) {
    return rest.getForObject("/api/invoices/" + number, Map.class);
  }

  Map<String, Object> customer(String account) {
    return rest.getForObject("/api/customers/" + account, Map.class);
  }

  ResponseEntity<Map> payment(String reference) {
    return rest.getForEntity("/api/payments/" + reference, Map.class);
  }

  List<Map<String, Object>> unmatchedPayments() {
    return rest.getForObject("/api/payments?status=unmatched&size=1000", List.class);
  }

  TestRestTemplate rest() {
    return rest;
  }

  private ResponseEntity<Map> post(String path, String body, String contentType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType + ";charset=UTF-8"));
    return rest.postForEntity(path, new HttpEntity<>(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), Map.class);
  }

  /** A customer CSV with one row per account: account,name,tier (USD, en, Europe/Berlin, limit 10000). */
  static String customers(String... accountsNamesTiers) {
    StringBuilder csv = new StringBuilder(String.join(",", CustomerImport.COLUMNS)).append('\n');
    for (String row : accountsNamesTiers) {
      String[] f = row.split(",");
      csv.append(f[0]).append(',').append(f[1]).append(',').append(f[2])
          .append(",Retail,10000,USD,en,Europe/Berlin,ap@").append(f[0].toLowerCase()).append(".example,,\n");
    }
    return csv.toString();
  }

  /** Open invoices: number,account,due date,amount. */
  static String openInvoices(String... numberAccountDueAmount) {
    StringBuilder csv = new StringBuilder(String.join(",", InvoiceImport.COLUMNS)).append('\n');
    for (String row : numberAccountDueAmount) {
      String[] f = row.split(",");
      csv.append(f[0]).append(',').append(f[1]).append(',').append(java.time.LocalDate.parse(f[2]).minusDays(30))
          .append(',').append(f[2]).append(',').append(f[3]).append(",USD,").append(f[3]).append(",OPEN,,false\n");
    }
    return csv.toString();
  }
}
