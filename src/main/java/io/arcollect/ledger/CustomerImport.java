package io.arcollect.ledger;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer master data from the ERP, idempotent on the account number. The address and do-not-contact columns
 * may be left out or left blank: then what is stored (e.g. a do-not-contact set through the REST API) stays.
 */
@Service
public class CustomerImport {

  public static final List<String> COLUMNS = List.of("account_number", "name", "tier", "industry", "credit_limit",
      "currency", "language", "time_zone", "email", "phone", "account_owner");
  /** Columns a file may have; without them (or blank) the stored values stay. */
  public static final List<String> OPTIONAL_COLUMNS = List.of("address_line1", "address_line2", "postcode", "city",
      "region", "country", "do_not_contact", "do_not_contact_reason", "do_not_contact_since");

  private final CustomerRepository customers;
  private final AccountMaintenance maintenance;

  CustomerImport(CustomerRepository customers, AccountMaintenance maintenance) {
    this.customers = customers;
    this.maintenance = maintenance;
  }

  @Transactional
  public ImportReport importCsv(InputStream csv) {
    CsvTable.Rows<CustomerMasterData> rows = CsvTable.read(csv, COLUMNS, this::parse,
        CustomerMasterData::accountNumber, "account_number");
    Map<String, Customer> existing = customers.findByAccountNumberIn(
            rows.parsed().stream().map(row -> row.row().accountNumber()).toList())
        .stream().collect(Collectors.toMap(Customer::getAccountNumber, Function.identity()));
    int accepted = 0;
    int updated = 0;
    int unchanged = 0;
    for (CsvTable.Parsed<CustomerMasterData> row : rows.parsed()) {
      CustomerMasterData data = row.row();
      Customer customer = existing.get(data.accountNumber());
      if (customer == null) {
        customer = new Customer(data.accountNumber());
        customer.takeMasterData(data);
        customers.save(customer);
        if (data.doNotContact() != null) {
          maintenance.change(customer, data.doNotContact(), "customer import");
        }
        accepted++;
      } else if (customer.takeMasterData(data)
          | (data.doNotContact() != null && maintenance.change(customer, data.doNotContact(), "customer import"))) {
        updated++;
      } else {
        unchanged++;
      }
    }
    return new ImportReport(accepted, updated, unchanged, rows.rejected());
  }

  private CustomerMasterData parse(CsvTable.Row row) {
    String timeZone = row.text("time_zone");
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new CsvTable.RowRejected("time_zone '" + timeZone + "' is not a time zone such as Europe/Berlin or Asia/Shanghai");
    }
    String language = row.text("language").toLowerCase(java.util.Locale.ROOT);
    if (!language.equals("en") && !language.equals("zh")) {
      throw new CsvTable.RowRejected("language '" + language + "' is not supported (en or zh)");
    }
    String email = row.optionalText("email");
    if (email != null && !ContactPerson.EMAIL.matcher(email).matches()) {
      throw new CsvTable.RowRejected("email '" + email + "' is not an e-mail address");
    }
    PostalAddress address;
    try {
      address = PostalAddress.of(row.optionalText("address_line1"), row.optionalText("address_line2"),
          row.optionalText("postcode"), row.optionalText("city"), row.optionalText("region"),
          row.optionalText("country"));
    } catch (IllegalArgumentException e) {
      throw new CsvTable.RowRejected(e.getMessage());
    }
    return new CustomerMasterData(row.text("account_number", 64), row.text("name", 200),
        row.choice("tier", CustomerTier.class), row.optionalText("industry"), row.optionalAmount("credit_limit"),
        row.currency("currency"), language, timeZone, email, row.optionalText("phone"),
        row.optionalText("account_owner"), address, doNotContact(row));
  }

  /** Null when the row says nothing about it (column absent or blank). */
  private DoNotContact doNotContact(CsvTable.Row row) {
    String reason = row.optionalText("do_not_contact_reason");
    LocalDate since = row.optionalDate("do_not_contact_since");
    if (row.optionalText("do_not_contact") == null) {
      if (reason != null || since != null) {
        throw new CsvTable.RowRejected("do_not_contact_reason and do_not_contact_since need do_not_contact true or false");
      }
      return null;
    }
    boolean requested = row.flag("do_not_contact");
    if (requested && reason == null) {
      throw new CsvTable.RowRejected("do_not_contact is true: do_not_contact_reason must say why");
    }
    if (!requested && since != null) {
      throw new CsvTable.RowRejected("do_not_contact_since goes with do_not_contact true, not false");
    }
    try {
      return maintenance.checked(new DoNotContact(requested, reason, since));
    } catch (IllegalArgumentException e) {
      throw new CsvTable.RowRejected("do_not_contact: " + e.getMessage());
    }
  }
}
