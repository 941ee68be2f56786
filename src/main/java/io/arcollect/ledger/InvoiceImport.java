package io.arcollect.ledger;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices from the ERP, idempotent on the invoice number. Paid invoices with their paid date are the
 * payment history the customer analysis learns from.
 */
@Service
public class InvoiceImport {

  public static final List<String> COLUMNS = List.of("invoice_number", "customer_account", "issue_date", "due_date",
      "amount", "currency", "open_amount", "status", "paid_date", "disputed");
  private static final int LOOKUP_CHUNK = 1000;

  private final CustomerRepository customers;
  private final InvoiceRepository invoices;

  InvoiceImport(CustomerRepository customers, InvoiceRepository invoices) {
    this.customers = customers;
    this.invoices = invoices;
  }

  @Transactional
  public ImportReport importCsv(InputStream csv) {
    CsvTable.Rows<InvoiceData> rows = CsvTable.read(csv, COLUMNS, InvoiceImport::parse,
        InvoiceData::invoiceNumber, "invoice_number");
    List<CsvTable.Parsed<InvoiceData>> parsed = rows.parsed();
    Map<String, Customer> owners = customers.findByAccountNumberIn(
            parsed.stream().map(row -> row.row().customerAccount()).distinct().toList())
        .stream().collect(Collectors.toMap(Customer::getAccountNumber, Function.identity()));
    Map<String, Invoice> existing = new java.util.HashMap<>();
    for (int from = 0; from < parsed.size(); from += LOOKUP_CHUNK) {
      List<String> numbers = parsed.subList(from, Math.min(parsed.size(), from + LOOKUP_CHUNK)).stream()
          .map(row -> row.row().invoiceNumber()).toList();
      invoices.findByInvoiceNumberIn(numbers).forEach(invoice -> existing.put(invoice.getInvoiceNumber(), invoice));
    }

    List<ImportReport.RejectedRow> rejected = new ArrayList<>(rows.rejected());
    List<Invoice> created = new ArrayList<>();
    int updated = 0;
    int unchanged = 0;
    for (CsvTable.Parsed<InvoiceData> row : parsed) {
      InvoiceData data = row.row();
      Customer owner = owners.get(data.customerAccount());
      if (owner == null) {
        rejected.add(new ImportReport.RejectedRow(row.line(),
            "customer_account " + data.customerAccount() + " is not a known customer (import customers first)"));
        continue;
      }
      Invoice invoice = existing.get(data.invoiceNumber());
      if (invoice == null) {
        invoice = new Invoice(data.invoiceNumber(), owner);
        invoice.takeErpData(owner, data);
        created.add(invoice);
      } else if (invoice.takeErpData(owner, data)) {
        updated++;
      } else {
        unchanged++;
      }
    }
    invoices.saveAll(created);
    rejected.sort(java.util.Comparator.comparingLong(ImportReport.RejectedRow::line));
    return new ImportReport(created.size(), updated, unchanged, rejected);
  }

  private static InvoiceData parse(CsvTable.Row row) {
    java.time.LocalDate issued = row.date("issue_date");
    java.time.LocalDate due = row.date("due_date");
    if (due.isBefore(issued)) {
      throw new CsvTable.RowRejected("due_date " + due + " is before issue_date " + issued);
    }
    java.math.BigDecimal amount = row.amount("amount");
    if (amount.signum() == 0) {
      throw new CsvTable.RowRejected("amount is zero");
    }
    java.math.BigDecimal open = row.amount("open_amount");
    if (open.compareTo(amount) > 0) {
      throw new CsvTable.RowRejected("open_amount " + open.toPlainString() + " is more than amount " + amount.toPlainString());
    }
    InvoiceStatus status = row.choice("status", InvoiceStatus.class);
    java.time.LocalDate paid = row.optionalDate("paid_date");
    if (status == InvoiceStatus.OPEN && open.signum() == 0) {
      throw new CsvTable.RowRejected("an OPEN invoice needs an open_amount above zero");
    }
    if (status != InvoiceStatus.OPEN && open.signum() != 0) {
      throw new CsvTable.RowRejected("a " + status + " invoice must have open_amount 0");
    }
    if (status == InvoiceStatus.PAID && paid == null) {
      throw new CsvTable.RowRejected("a PAID invoice needs its paid_date");
    }
    if (status != InvoiceStatus.PAID && paid != null) {
      throw new CsvTable.RowRejected("paid_date is set but status is " + status);
    }
    return new InvoiceData(row.text("invoice_number", 64), row.text("customer_account", 64), issued, due, amount,
        row.currency("currency"), open, status, paid, row.flag("disputed"));
  }
}
