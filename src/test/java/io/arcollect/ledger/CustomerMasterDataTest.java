package io.arcollect.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contact persons, postal address and do-not-contact: through the customer and contact imports and the REST API,
 * kept when the ERP's next file lacks them, every do-not-contact change in the contact log.
 */
@ArcollectSpringBootTest
class CustomerMasterDataTest {

  private static final String CUSTOMER_HEADER = String.join(",", CustomerImport.COLUMNS)
      + ",address_line1,address_line2,postcode,city,region,country,do_not_contact,do_not_contact_reason,do_not_contact_since\n";
  private static final String CONTACT_HEADER = String.join(",", ContactPersonImport.COLUMNS) + ",active\n";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  private LedgerClient ledger() {
    return new LedgerClient(rest);
  }

  @Test
  void theCustomerFileCarriesAddressAndDoNotContactAndAReimportWithoutThemKeepsThem() {
    ResponseEntity<Map> first = ledger().importCustomers(CUSTOMER_HEADER
        + "M-100,Hanse Kontor GmbH,STANDARD,Wholesale,20000,EUR,en,Europe/Berlin,ap@m-100.example,,,"
        + "Hafenstraße 12,3. Stock,20457,Hamburg,,de,true,Insolvency administrator asks for letters only,2026-01-05\n"
        + "M-101,明远贸易有限公司,STANDARD,Wholesale,20000,CNY,zh,Asia/Shanghai,ap@m-101.example,,,"
        + "西湖区文三路388号,,310012,杭州市,浙江省,CN,,,\n");
    assertThat(first.getBody()).containsEntry("accepted", 2).containsEntry("rejected", List.of());
    Map<String, Object> hanse = ledger().customer("M-100");
    assertThat(hanse).containsEntry("doNotContact", true)
        .containsEntry("doNotContactReason", "Insolvency administrator asks for letters only")
        .containsEntry("doNotContactSince", "2026-01-05")
        .hasEntrySatisfying("postalAddress", address -> assertThat(present(address)).isEqualTo(Map.of(
            "line1", "Hafenstraße 12", "line2", "3. Stock", "postcode", "20457", "city", "Hamburg", "country", "DE")));
    assertThat(ledger().customer("M-101")).containsEntry("doNotContact", false);
    assertThat(log("M-100")).singleElement().satisfies(entry -> assertThat(entry)
        .containsEntry("outcome", "DO_NOT_CONTACT_SET").containsEntry("user_id", "frank")
        .containsEntry("channel", "INTERNAL").containsEntry("case_number", null)
        .extractingByKey("notes").asString()
        .contains("since 2026-01-05", "Insolvency administrator asks for letters only", "customer import"));
    ledger().importContacts(CONTACT_HEADER + "M-100,Katrin Vogel,Head of Accounts Payable,katrin.vogel@m-100.example,"
        + "+49 40 5550 1201,PHONE,\n");

    // the ERP's usual file: no address, no do-not-contact, no contacts
    ResponseEntity<Map> again = ledger().importCustomers(String.join(",", CustomerImport.COLUMNS) + "\n"
        + "M-100,Hanse Kontor GmbH,STANDARD,Wholesale,20000,EUR,en,Europe/Berlin,ap@m-100.example,,\n");
    // the same columns present but blank say nothing either
    ResponseEntity<Map> blank = ledger().importCustomers(CUSTOMER_HEADER
        + "M-100,Hanse Kontor GmbH,STANDARD,Wholesale,20000,EUR,en,Europe/Berlin,ap@m-100.example,,,,,,,,,,,\n");

    assertThat(again.getBody()).containsEntry("unchanged", 1).containsEntry("updated", 0);
    assertThat(blank.getBody()).containsEntry("unchanged", 1).containsEntry("updated", 0);
    Map<String, Object> kept = ledger().customer("M-100");
    assertThat(kept).containsEntry("doNotContact", true).containsEntry("postalAddress", hanse.get("postalAddress"));
    assertThat((List<Map<String, Object>>) kept.get("contacts")).extracting(c -> c.get("name"))
        .containsExactly("Katrin Vogel");
    assertThat(log("M-100")).hasSize(1);

    // the ERP says the customer may be contacted again
    ledger().importCustomers(CUSTOMER_HEADER
        + "M-100,Hanse Kontor GmbH,STANDARD,Wholesale,20000,EUR,en,Europe/Berlin,ap@m-100.example,,,,,,,,,no,"
        + "Administration ended,\n");
    assertThat(ledger().customer("M-100")).containsEntry("doNotContact", false).containsEntry("doNotContactReason", null);
    assertThat(log("M-100")).first().satisfies(entry -> assertThat(entry)
        .containsEntry("outcome", "DO_NOT_CONTACT_LIFTED").extractingByKey("notes").asString()
        .contains("Administration ended"));
  }

  @Test
  void badAddressAndDoNotContactRowsAreRejectedWithTheirReasonsAndStoreNothing() {
    String today = LocalDate.now(clock).toString();
    String tomorrow = LocalDate.now(clock).plusDays(1).toString();
    String row = "%s,Row Customer,SMALL,Retail,1000,EUR,en,Europe/Berlin,,,,%s\n";
    ResponseEntity<Map> response = ledger().importCustomers(CUSTOMER_HEADER
        + row.formatted("M-200", "Hauptstraße 1,,10115,Berlin,,DE,true,Asked by phone," + today)   // line 2: good
        + row.formatted("M-201", "Hauptstraße 1,,10115,,,DE,,,")                                  // 3: no city
        + row.formatted("M-202", "Hauptstraße 1,,10115,Berlin,,Germany,,,")                       // 4: not a code
        + row.formatted("M-203", ",,,,,,true,,")                                                  // 5: no reason
        + row.formatted("M-204", ",,,,,,true,Asked," + tomorrow)                                  // 6: future
        + row.formatted("M-205", ",,,,,,maybe,Asked,")                                            // 7: not a flag
        + row.formatted("M-206", ",,,,,,,Asked,")                                                 // 8: reason only
        + row.formatted("M-207", ",,,,,,false,," + today));                                       // 9: date on lift

    assertThat(response.getBody()).containsEntry("accepted", 1);
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) response.getBody().get("rejected");
    assertThat(rejected).extracting(r -> r.get("line")).containsExactly(3, 4, 5, 6, 7, 8, 9);
    assertThat(rejected).extracting(r -> (String) r.get("reason")).satisfiesExactly(
        r -> assertThat(r).contains("first line, city and country"),
        r -> assertThat(r).contains("country 'Germany' is not an ISO 3166 country code"),
        r -> assertThat(r).contains("do_not_contact is true: do_not_contact_reason must say why"),
        r -> assertThat(r).contains("the date " + tomorrow + " is after today"),
        r -> assertThat(r).contains("do_not_contact 'maybe' is not true/false"),
        r -> assertThat(r).contains("need do_not_contact true or false"),
        r -> assertThat(r).contains("do_not_contact_since goes with do_not_contact true"));
    for (String account : List.of("M-201", "M-202", "M-203", "M-204", "M-205", "M-206", "M-207")) {
      assertThat(rest.withBasicAuth("frank", "frank").getForEntity("/api/customers/" + account, Map.class)
          .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(ledger().customer("M-200")).containsEntry("doNotContactSince", today);
  }

  @Test
  void contactPersonsComeFromTheirOwnFileKeyedByAccountAndEmail() {
    ledger().importCustomers(LedgerClient.customers("M-300,Contact Test Ltd,STANDARD", "M-301,Other Ltd,SMALL"));
    ResponseEntity<Map> first = ledger().importContacts(CONTACT_HEADER
        + "M-300,Priya Shah,Accounts Payable Manager,Priya.Shah@m-300.example,+44 20 7946 0310,PHONE,\n"
        + "M-300,Oliver Grant,CFO,oliver.grant@m-300.example,,,\n"                          // channel defaults to e-mail
        + "M-301,Ann Other,,ann@m-301.example,,EMAIL,\n"
        + "M-404,Nobody,,nobody@m-404.example,,,\n"                                           // line 5: unknown account
        + "M-300,No Mail,,,+44 20 7946 0000,PHONE,\n"                                         // 6: no email
        + "M-300,Bad Mail,,not-an-address,,,\n"                                               // 7: bad email
        + "M-300,Text Me,,text@m-300.example,,SMS,\n"                                         // 8: SMS without phone
        + "M-300,Fax Me,,fax@m-300.example,+44 20 7946 0001,FAX,\n"                           // 9: no such channel
        + "M-300,,,noname@m-300.example,,,\n"                                                 // 10: no name
        + "M-300,Twice,,twice@m-300.example,,,\n"                                             // 11: duplicate...
        + "M-300,Twice Again,,TWICE@m-300.example,,,\n"                                       // 12: ...of line 11
        + "M-300,Dial Tone,,dial@m-300.example,call me,PHONE,\n");                            // 13: not a number

    assertThat(first.getBody()).containsEntry("accepted", 3).containsEntry("removed", 0);
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) first.getBody().get("rejected");
    assertThat(rejected).extracting(r -> r.get("line")).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13);
    assertThat(rejected).extracting(r -> (String) r.get("reason")).satisfiesExactly(
        r -> assertThat(r).contains("customer_account M-404 is not a known customer"),
        r -> assertThat(r).contains("needs an email"),
        r -> assertThat(r).contains("email 'not-an-address' is not an e-mail address"),
        r -> assertThat(r).contains("preferred channel SMS needs a phone number"),
        r -> assertThat(r).contains("preferred_channel 'FAX' is not one of [EMAIL, PHONE, SMS, LETTER]"),
        r -> assertThat(r).contains("needs a name"),
        r -> assertThat(r).contains("appears more than once").contains("lines 11, 12"),
        r -> assertThat(r).contains("appears more than once"),
        r -> assertThat(r).contains("phone 'call me' is not a telephone number"));
    assertThat(contacts("M-300")).extracting(CustomerMasterDataTest::present).containsExactly(
        Map.of("email", "priya.shah@m-300.example", "name", "Priya Shah", "role", "Accounts Payable Manager",
            "phone", "+44 20 7946 0310", "preferredChannel", "PHONE"),
        Map.of("email", "oliver.grant@m-300.example", "name", "Oliver Grant", "role", "CFO",
            "preferredChannel", "EMAIL"));

    // the next export: Priya changed her number, Oliver left (inactive), Ann is as before, a new colleague
    ResponseEntity<Map> next = ledger().importContacts(CONTACT_HEADER
        + "M-300,Priya Shah,Accounts Payable Manager,priya.shah@m-300.example,+44 20 7946 0311,PHONE,true\n"
        + "M-300,Oliver Grant,CFO,oliver.grant@m-300.example,,,false\n"
        + "M-301,Ann Other,,ann@m-301.example,,EMAIL,\n"
        + "M-300,Sam Lee,Controller,sam.lee@m-300.example,,EMAIL,\n");

    assertThat(next.getBody()).containsEntry("accepted", 1).containsEntry("updated", 1).containsEntry("unchanged", 1)
        .containsEntry("removed", 1).containsEntry("rejected", List.of());
    assertThat(contacts("M-300")).extracting(c -> c.get("email") + " " + c.get("phone"))
        .containsExactly("priya.shah@m-300.example +44 20 7946 0311", "sam.lee@m-300.example null");
  }

  @Test
  void financeAndTheAccountOwnerSetAndLiftDoNotContactThroughRestAndTheContactLogSaysWhoAndWhy() {
    ledger().importCustomers(String.join(",", CustomerImport.COLUMNS) + "\n"
        + "M-400,Owned Hotels plc,KEY,Hospitality,50000,GBP,en,Europe/London,ap@m-400.example,,sally\n"
        + "M-401,Not Sallys Ltd,STANDARD,Retail,5000,GBP,en,Europe/London,ap@m-401.example,,\n");

    ResponseEntity<Map> bySally = put("sally", "/api/customers/M-400/do-not-contact",
        Map.of("doNotContact", true, "reason", "Customer asked to be called by the account owner only"));
    assertThat(bySally.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bySally.getBody()).containsEntry("doNotContact", true)
        .containsEntry("doNotContactSince", LocalDate.now(clock).toString());
    assertThat(log("M-400")).singleElement().satisfies(entry -> assertThat(entry)
        .containsEntry("user_id", "sally").containsEntry("outcome", "DO_NOT_CONTACT_SET")
        .extractingByKey("notes").asString().contains("account owner only", "REST API"));

    ResponseEntity<Map> liftedByFiona = put("fiona", "/api/customers/M-400/do-not-contact",
        Map.of("doNotContact", false, "reason", "Talked to their CFO: reminders are fine again"));
    assertThat(liftedByFiona.getBody()).containsEntry("doNotContact", false).containsEntry("doNotContactSince", null);
    assertThat(log("M-400")).first().satisfies(entry -> assertThat(entry)
        .containsEntry("user_id", "fiona").containsEntry("outcome", "DO_NOT_CONTACT_LIFTED"));

    // refused: no reason, a future date, no flag, another owner's customer, people who do not own accounts
    assertProblem(put("frank", "/api/customers/M-401/do-not-contact", Map.of("doNotContact", true)),
        HttpStatus.BAD_REQUEST, "needs a reason");
    assertProblem(put("frank", "/api/customers/M-401/do-not-contact", Map.of("doNotContact", true, "reason", "x",
        "since", LocalDate.now(clock).plusDays(3).toString())), HttpStatus.BAD_REQUEST, "is after today");
    assertProblem(put("frank", "/api/customers/M-401/do-not-contact", Map.of("reason", "x")),
        HttpStatus.BAD_REQUEST, "doNotContact must be true");
    assertProblem(put("sally", "/api/customers/M-401/do-not-contact", Map.of("doNotContact", true, "reason", "x")),
        HttpStatus.FORBIDDEN, "Only finance or the customer's account owner");
    assertProblem(put("larry", "/api/customers/M-401/do-not-contact", Map.of("doNotContact", true, "reason", "x")),
        HttpStatus.FORBIDDEN, "Only finance or the customer's account owner");
    assertProblem(put("audrey", "/api/customers/M-401/do-not-contact", Map.of("doNotContact", true, "reason", "x")),
        HttpStatus.FORBIDDEN, "Only finance or the customer's account owner");
    assertProblem(put("frank", "/api/customers/M-999/do-not-contact", Map.of("doNotContact", true, "reason", "x")),
        HttpStatus.NOT_FOUND, "No customer with account number M-999");
    assertThat(ledger().customer("M-401")).containsEntry("doNotContact", false);
    assertThat(log("M-401")).isEmpty();
  }

  @Test
  void contactPersonsAndTheAddressAreMaintainedThroughRest() {
    ledger().importCustomers(String.join(",", CustomerImport.COLUMNS) + "\n"
        + "M-500,Rest Hotels plc,KEY,Hospitality,50000,GBP,en,Europe/London,ap@m-500.example,,sally\n");

    ResponseEntity<Map> added = put("sally", "/api/customers/M-500/contacts/Jane.Doe@m-500.example",
        Map.of("name", "Jane Doe", "role", "Treasurer", "phone", "+44 20 7946 0500", "preferredChannel", "sms"));
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(contacts("M-500")).extracting(CustomerMasterDataTest::present).singleElement().isEqualTo(Map.of("email", "jane.doe@m-500.example",
        "name", "Jane Doe", "role", "Treasurer", "phone", "+44 20 7946 0500", "preferredChannel", "SMS"));
    assertProblem(put("sally", "/api/customers/M-500/contacts/jane.doe@m-500.example",
        Map.of("name", "Jane Doe", "preferredChannel", "PHONE")), HttpStatus.BAD_REQUEST, "needs a phone number");
    assertProblem(put("sally", "/api/customers/M-500/contacts/jane.doe@m-500.example",
        Map.of("name", "Jane Doe", "preferredChannel", "PIGEON")), HttpStatus.BAD_REQUEST, "'PIGEON' is not one of");
    assertThat(contacts("M-500")).singleElement().satisfies(c -> assertThat(c).containsEntry("preferredChannel", "SMS"));

    ResponseEntity<Map> moved = put("frank", "/api/customers/M-500/postal-address",
        Map.of("line1", "18 Aldwych", "city", "London", "postcode", "WC2B 4DA", "country", "gb"));
    assertThat(present(moved.getBody().get("postalAddress")))
        .isEqualTo(Map.of("line1", "18 Aldwych", "postcode", "WC2B 4DA", "city", "London", "country", "GB"));
    assertProblem(put("frank", "/api/customers/M-500/postal-address", Map.of("line1", "Nowhere")),
        HttpStatus.BAD_REQUEST, "first line, city and country");
    assertProblem(put("larry", "/api/customers/M-500/postal-address",
        Map.of("line1", "1 Law Court", "city", "London", "country", "GB")), HttpStatus.FORBIDDEN, "account owner");
    assertThat(ledger().customer("M-500")).containsEntry("postalAddress", moved.getBody().get("postalAddress"));

    ResponseEntity<Map> removed = rest.withBasicAuth("sally", "sally").exchange(
        "/api/customers/M-500/contacts/jane.doe@m-500.example", HttpMethod.DELETE, null, Map.class);
    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(contacts("M-500")).isEmpty();
    assertThat(rest.withBasicAuth("sally", "sally").exchange("/api/customers/M-500/contacts/jane.doe@m-500.example",
        HttpMethod.DELETE, null, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyFinanceImportsContactPersons() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<Map> asSales = rest.withBasicAuth("sally", "sally").postForEntity("/api/customers/contacts/import",
        new HttpEntity<>(CONTACT_HEADER + "M-400,Sneaky,,sneaky@m-400.example,,,\n", headers), Map.class);
    assertThat(asSales.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> wrongColumns = ledger().importContacts("account,person\nM-400,Someone\n");
    assertProblem(wrongColumns, HttpStatus.BAD_REQUEST, "Missing column(s) customer_account, name");
  }

  /** A JSON object without its null members. */
  private static Map<String, Object> present(Object json) {
    Map<String, Object> members = new java.util.HashMap<>((Map<String, Object>) json);
    members.values().removeIf(java.util.Objects::isNull);
    return members;
  }

  private List<Map<String, Object>> contacts(String account) {
    return rest.withBasicAuth("frank", "frank").getForObject("/api/customers/" + account + "/contacts", List.class);
  }

  /** The customer's contact log, newest first. */
  private List<Map<String, Object>> log(String account) {
    return jdbc.queryForList("select l.* from contact_log l join customers c on c.id = l.customer_id "
        + "where c.account_number = ? order by l.occurred_at desc, l.id desc", account).stream()
        .map(row -> {
          Map<String, Object> lower = new java.util.HashMap<>();
          row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
          return lower;
        }).toList();
  }

  private ResponseEntity<Map> put(String user, String path, Map<String, ?> body) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
  }

  private static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String detail) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) response.getBody().get("detail")).contains(detail);
  }
}
