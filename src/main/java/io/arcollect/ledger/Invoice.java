package io.arcollect.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

@Entity
@Table(name = "invoices")
public class Invoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "invoice_number", nullable = false, unique = true)
  private String invoiceNumber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(name = "issue_date")
  private LocalDate issueDate;

  @Column(name = "due_date")
  private LocalDate dueDate;

  private BigDecimal amount;

  @Column(name = "open_amount")
  private BigDecimal openAmount;

  private String currency;

  @Enumerated(EnumType.STRING)
  private InvoiceStatus status;

  @Column(name = "paid_date")
  private LocalDate paidDate;

  @Column(name = "days_late")
  private Integer daysLate;

  private boolean disputed;

  @Column(name = "dispute_reason")
  private String disputeReason;

  @Version
  private long version;

  protected Invoice() {}

  public Invoice(String invoiceNumber, Customer customer) {
    this.invoiceNumber = invoiceNumber;
    this.customer = customer;
  }

  /** Takes the invoice as the ERP sends it; answers whether anything changed. */
  public boolean takeErpData(Customer owner, InvoiceData data) {
    boolean changed = !Objects.equals(customer.getId(), owner.getId())
        || !Objects.equals(issueDate, data.issueDate()) || !Objects.equals(dueDate, data.dueDate())
        || !Customer.sameAmount(amount, data.amount()) || !Customer.sameAmount(openAmount, data.openAmount())
        || !Objects.equals(currency, data.currency()) || status != data.status()
        || !Objects.equals(paidDate, data.paidDate()) || disputed != data.disputed();
    if (changed) {
      customer = owner;
      issueDate = data.issueDate();
      dueDate = data.dueDate();
      amount = data.amount();
      openAmount = data.openAmount();
      currency = data.currency();
      status = data.status();
      paidDate = data.paidDate();
      daysLate = paidDate == null ? null : (int) ChronoUnit.DAYS.between(dueDate, paidDate);
      disputed = data.disputed();
    }
    return changed;
  }

  /** Applies money received on {@code valueDate}; the invoice is paid when nothing stays open. */
  void applyPayment(BigDecimal paid, LocalDate valueDate) {
    if (paid.signum() <= 0 || paid.compareTo(openAmount) > 0) {
      throw new IllegalArgumentException("Cannot apply " + paid + " to invoice " + invoiceNumber + " with " + openAmount + " open");
    }
    openAmount = openAmount.subtract(paid);
    if (openAmount.signum() == 0) {
      status = InvoiceStatus.PAID;
      paidDate = valueDate;
      daysLate = (int) ChronoUnit.DAYS.between(dueDate, valueDate);
    }
  }

  /**
   * A credit note over {@code credited} of what is open; the invoice is CREDITED when nothing stays open.
   * Answers what was actually credited (never more than is open).
   */
  BigDecimal credit(BigDecimal credited) {
    if (status != InvoiceStatus.OPEN) {
      throw new IllegalStateException("Invoice " + invoiceNumber + " is " + status + ", not open");
    }
    BigDecimal applied = credited.min(openAmount);
    openAmount = openAmount.subtract(applied);
    if (openAmount.signum() == 0) {
      status = InvoiceStatus.CREDITED;
    }
    return applied;
  }

  /** The open amount is lost: nothing stays open; answers what was written off (recorded as an adjustment). */
  BigDecimal writeOff() {
    if (status != InvoiceStatus.OPEN) {
      throw new IllegalStateException("Invoice " + invoiceNumber + " is " + status + ", not open");
    }
    BigDecimal written = openAmount;
    openAmount = BigDecimal.ZERO;
    status = InvoiceStatus.WRITTEN_OFF;
    return written;
  }

  public void markDisputed(String reason) {
    disputed = true;
    disputeReason = reason;
  }

  public void clearDispute() {
    disputed = false;
    disputeReason = null;
  }

  public boolean isOverdueOn(LocalDate day) {
    return status == InvoiceStatus.OPEN && dueDate.isBefore(day);
  }

  public long daysPastDue(LocalDate day) {
    return Math.max(0, ChronoUnit.DAYS.between(dueDate, day));
  }

  public Long getId() {
    return id;
  }

  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public Customer getCustomer() {
    return customer;
  }

  public LocalDate getIssueDate() {
    return issueDate;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public BigDecimal getOpenAmount() {
    return openAmount;
  }

  public String getCurrency() {
    return currency;
  }

  public InvoiceStatus getStatus() {
    return status;
  }

  public LocalDate getPaidDate() {
    return paidDate;
  }

  public Integer getDaysLate() {
    return daysLate;
  }

  public boolean isDisputed() {
    return disputed;
  }

  public String getDisputeReason() {
    return disputeReason;
  }
}
