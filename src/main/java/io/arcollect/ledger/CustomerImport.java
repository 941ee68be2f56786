package io.arcollect.ledger;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer master data from the ERP, idempotent on the account number. */
@Service
public class CustomerImport {

  public static final List<String> COLUMNS = List.of("account_number", "name", "tier", "industry", "credit_limit",
      "currency", "language", "time_zone", "email", "phone", "account_owner");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final CustomerRepository customers;

  CustomerImport(CustomerRepository customers) {
    this.customers = customers;
  }

  @Transactional
  public ImportReport importCsv(InputStream csv) {
    CsvTable.Rows<CustomerMasterData> rows = CsvTable.read(csv, COLUMNS, CustomerImport::parse,
        CustomerMasterData::accountNumber, "account_number");
    Map<String, Customer> existing = customers.findByAccountNumberIn(
            rows.parsed().stream().map(row -> row.row().accountNumber()).toList())
        .stream().collect(Collectors.toMap(Customer::getAccountNumber, Function.identity()));
    int accepted = 0;
    int updated = 0;
    int unchanged = 0;
    for (CsvTable.Parsed<CustomerMasterData> row : rows.parsed()) {
      Customer customer = existing.get(row.row().accountNumber());
      if (customer == null) {
        customer = new Customer(row.row().accountNumber());
        customer.takeMasterData(row.row());
        customers.save(customer);
        accepted++;
      } else if (customer.takeMasterData(row.row())) {
        updated++;
      } else {
        unchanged++;
      }
    }
    return new ImportReport(accepted, updated, unchanged, rows.rejected());
  }

  private static CustomerMasterData parse(CsvTable.Row row) {
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
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new CsvTable.RowRejected("email '" + email + "' is not an e-mail address");
    }
    return new CustomerMasterData(row.text("account_number", 64), row.text("name", 200),
        row.choice("tier", CustomerTier.class), row.optionalText("industry"), row.optionalAmount("credit_limit"),
        row.currency("currency"), language, timeZone, email, row.optionalText("phone"),
        row.optionalText("account_owner"));
  }
}
