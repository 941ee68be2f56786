package io.arcollect.ledger;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What collection does to the ledger besides payments: credit hold on a customer, disputes, credit notes
 * and write-offs. Invoice numbers that are unknown, closed or of another customer are refused as a whole.
 */
@Service
public class ReceivableAdjustments {

  private final CustomerRepository customers;
  private final InvoiceRepository invoices;

  ReceivableAdjustments(CustomerRepository customers, InvoiceRepository invoices) {
    this.customers = customers;
    this.invoices = invoices;
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
   * their dispute is settled. Answers what was credited.
   */
  @Transactional
  public BigDecimal credit(String customerAccount, Collection<String> invoiceNumbers, BigDecimal amount) {
    if (amount != null && amount.signum() <= 0) {
      throw new IllegalArgumentException("A credit note must be for more than zero, not " + amount);
    }
    BigDecimal left = amount;
    BigDecimal credited = BigDecimal.ZERO;
    for (Invoice invoice : openInvoicesOf(customerAccount, invoiceNumbers)) {
      BigDecimal applied = invoice.credit(left == null ? invoice.getOpenAmount() : left);
      credited = credited.add(applied);
      invoice.clearDispute();
      if (left != null) {
        left = left.subtract(applied);
      }
    }
    return credited;
  }

  /** Writes off what is open of these invoices; answers the amount written off. */
  @Transactional
  public BigDecimal writeOff(Collection<Long> invoiceIds) {
    BigDecimal total = BigDecimal.ZERO;
    for (Invoice invoice : invoices.lockOpen(invoiceIds)) {
      total = total.add(invoice.getOpenAmount());
      invoice.writeOff();
    }
    return total;
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
