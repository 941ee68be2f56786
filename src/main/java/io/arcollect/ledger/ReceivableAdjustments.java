package io.arcollect.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What collection does to the ledger besides payments: credit hold on a customer, disputes, credit notes
 * and write-offs. Invoice numbers that are unknown, closed or of another customer are refused as a whole.
 * Credit notes, corrections and write-offs are dated ledger events (table receivable_adjustments: invoice, kind,
 * amount, business date, user, case, reason); the KPIs and the case trail read them.
 */
@Service
public class ReceivableAdjustments {

  /** A credit note (everything open credited), a correction (a partial credit) or a write-off. */
  public enum Kind { CREDIT_NOTE, CORRECTION, WRITE_OFF }

  /** Who makes an adjustment, for which case and why. */
  public record MadeBy(String userId, String caseNumber, String reason) {}

  /** An adjustment as recorded. */
  public record Adjustment(long id, Kind kind, String invoiceNumber, BigDecimal amount, String currency,
      LocalDate effectiveDate, Instant recordedAt, String userId, String caseNumber, String reason) {}

  private final CustomerRepository customers;
  private final InvoiceRepository invoices;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ReceivableAdjustments(CustomerRepository customers, InvoiceRepository invoices, JdbcTemplate jdbc, Clock clock) {
    this.customers = customers;
    this.invoices = invoices;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The credit notes, corrections and write-offs made for a case, in the order they were made. */
  @Transactional(readOnly = true)
  public List<Adjustment> ofCase(String caseNumber) {
    return jdbc.query("select r.id, r.kind, i.invoice_number, r.amount, r.currency, r.effective_date, r.recorded_at, "
        + "r.user_id, r.case_number, r.reason from receivable_adjustments r join invoices i on i.id = r.invoice_id "
        + "where r.case_number = ? order by r.recorded_at, r.id",
        (rs, n) -> new Adjustment(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
            rs.getBigDecimal(4).stripTrailingZeros(), rs.getString(5), rs.getObject(6, LocalDate.class),
            rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getString(10)), caseNumber);
  }

  /** Answers whether the hold is new. */
  @Transactional
  public boolean placeCreditHold(String customerAccount) {
    Customer customer = customer(customerAccount);
    boolean wasOnHold = customer.isCreditHold();
    customer.placeCreditHold();
    return !wasOnHold;
  }

  /** Answers whether there was a hold to release. */
  @Transactional
  public boolean releaseCreditHold(String customerAccount) {
    Customer customer = customer(customerAccount);
    boolean wasOnHold = customer.isCreditHold();
    customer.releaseCreditHold();
    return wasOnHold;
  }

  @Transactional
  public void dispute(String customerAccount, Collection<String> invoiceNumbers, String reason) {
    openInvoicesOf(customerAccount, invoiceNumbers).forEach(invoice -> invoice.markDisputed(reason));
  }

  @Transactional
  public void clearDispute(String customerAccount, Collection<String> invoiceNumbers) {
    openInvoicesOf(customerAccount, invoiceNumbers).forEach(Invoice::clearDispute);
  }

  /**
   * A credit note: {@code amount} (null = everything open) is taken off these invoices, oldest first, and
   * their dispute is settled; each invoice's part is recorded, dated today, as a CREDIT_NOTE (everything open) or a
   * CORRECTION (a part). Answers what was credited.
   */
  @Transactional
  public BigDecimal credit(String customerAccount, Collection<String> invoiceNumbers, BigDecimal amount, MadeBy madeBy) {
    if (amount != null && amount.signum() <= 0) {
      throw new IllegalArgumentException("A credit note must be for more than zero, not " + amount);
    }
    BigDecimal left = amount;
    BigDecimal credited = BigDecimal.ZERO;
    for (Invoice invoice : openInvoicesOf(customerAccount, invoiceNumbers)) {
      BigDecimal applied = left != null && left.signum() <= 0 ? BigDecimal.ZERO
          : invoice.credit(left == null ? invoice.getOpenAmount() : left);
      record(invoice, amount == null ? Kind.CREDIT_NOTE : Kind.CORRECTION, applied, madeBy, invoice.getDisputeReason());
      credited = credited.add(applied);
      invoice.clearDispute();
      if (left != null) {
        left = left.subtract(applied);
      }
    }
    return credited;
  }

  /** Writes off what is open of these invoices, dated today; answers the amount written off. */
  @Transactional
  public BigDecimal writeOff(Collection<Long> invoiceIds, MadeBy madeBy) {
    BigDecimal total = BigDecimal.ZERO;
    for (Invoice invoice : invoices.lockOpen(invoiceIds)) {
      BigDecimal written = invoice.writeOff();
      record(invoice, Kind.WRITE_OFF, written, madeBy, null);
      total = total.add(written);
    }
    return total;
  }

  private void record(Invoice invoice, Kind kind, BigDecimal amount, MadeBy madeBy, String disputeReason) {
    if (amount.signum() <= 0) {
      return;
    }
    String given = madeBy.reason() == null || madeBy.reason().isBlank() ? null : madeBy.reason().trim();
    String reason = given == null ? disputeReason : disputeReason == null ? given : disputeReason + " / " + given;
    if (reason != null && reason.length() > 1000) {
      reason = reason.substring(0, 1000);
    }
    jdbc.update("insert into receivable_adjustments (invoice_id, kind, amount, currency, effective_date, recorded_at, "
        + "user_id, case_number, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", invoice.getId(), kind.name(), amount,
        invoice.getCurrency(), LocalDate.now(clock), Timestamp.from(clock.instant()), madeBy.userId(),
        madeBy.caseNumber(), reason);
  }

  private Customer customer(String customerAccount) {
    return customers.findByAccountNumber(customerAccount)
        .orElseThrow(() -> new IllegalArgumentException("No customer " + customerAccount));
  }

  /** The named invoices, oldest due first, all open and of this customer, or an error naming the others. */
  private List<Invoice> openInvoicesOf(String customerAccount, Collection<String> invoiceNumbers) {
    Set<String> wanted = new TreeSet<>(invoiceNumbers);
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("Name at least one invoice");
    }
    List<Invoice> found = invoices.lockOpen(invoices.findOpenIdsByNumbers(wanted)).stream()
        .filter(invoice -> invoice.getCustomer().getAccountNumber().equals(customerAccount))
        .sorted(java.util.Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getInvoiceNumber))
        .toList();
    Set<String> missing = new TreeSet<>(wanted);
    found.forEach(invoice -> missing.remove(invoice.getInvoiceNumber()));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Not open invoices of customer " + customerAccount + ": " + String.join(", ", missing));
    }
    return found;
  }
}
