package io.arcollect.ledger;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact persons from the ERP's contact export, one row per person, keyed by customer account and e-mail.
 * Persons not in the file stay; a row with {@code active} false removes one.
 */
@Service
public class ContactPersonImport {

  public static final List<String> COLUMNS = List.of("customer_account", "name", "role", "email", "phone",
      "preferred_channel");

  /** What the import did: new, changed, unchanged and removed persons, and the rows refused. */
  public record Report(int accepted, int updated, int unchanged, int removed, List<ImportReport.RejectedRow> rejected) {}

  private record Row(String customerAccount, ContactPerson.Details contact, boolean active) {
    String key() {
      return customerAccount + " " + contact.email();
    }
  }

  private final CustomerRepository customers;

  ContactPersonImport(CustomerRepository customers) {
    this.customers = customers;
  }

  @Transactional
  public Report importCsv(InputStream csv) {
    CsvTable.Rows<Row> rows = CsvTable.read(csv, COLUMNS, ContactPersonImport::parse, Row::key,
        "customer_account and email");
    Map<String, Customer> known = customers.findByAccountNumberIn(
            rows.parsed().stream().map(row -> row.row().customerAccount()).distinct().toList())
        .stream().collect(Collectors.toMap(Customer::getAccountNumber, Function.identity()));
    List<ImportReport.RejectedRow> rejected = new java.util.ArrayList<>(rows.rejected());
    int accepted = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
    for (CsvTable.Parsed<Row> parsed : rows.parsed()) {
      Row row = parsed.row();
      Customer customer = known.get(row.customerAccount());
      if (customer == null) {
        rejected.add(new ImportReport.RejectedRow(parsed.line(),
            "customer_account " + row.customerAccount() + " is not a known customer"));
      } else if (!row.active()) {
        if (customer.dropContact(row.contact().email())) {
          removed++;
        } else {
          unchanged++;
        }
      } else if (customer.contact(row.contact().email()).isEmpty()) {
        customer.keepContact(row.contact());
        accepted++;
      } else if (customer.keepContact(row.contact())) {
        updated++;
      } else {
        unchanged++;
      }
    }
    rejected.sort(java.util.Comparator.comparingLong(ImportReport.RejectedRow::line));
    return new Report(accepted, updated, unchanged, removed, rejected);
  }

  private static Row parse(CsvTable.Row row) {
    String channel = row.optionalText("preferred_channel");
    ContactChannel preferred = channel == null ? null : row.choice("preferred_channel", ContactChannel.class);
    String account = row.text("customer_account", 64);
    boolean active = row.optionalText("active") == null || row.flag("active");
    try {
      // a person to remove is named by the e-mail address alone
      ContactPerson.Details contact = ContactPerson.Details.checked(row.optionalText("email"),
          active ? row.optionalText("name") : "-", row.optionalText("role"), row.optionalText("phone"),
          active ? preferred : null);
      return new Row(account, contact, active);
    } catch (IllegalArgumentException e) {
      throw new CsvTable.RowRejected(e.getMessage());
    }
  }
}
