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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money received, as the bank reported it, and how much of it is not yet allocated to invoices. */
@Entity
@Table(name = "payments")
public class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "bank_reference", nullable = false, unique = true)
  private String bankReference;

  @Column(name = "statement_id")
  private String statementId;

  @Column(name = "value_date")
  private LocalDate valueDate;

  @Column(name = "booking_date")
  private LocalDate bookingDate;

  private BigDecimal amount;

  @Column(name = "unallocated_amount")
  private BigDecimal unallocatedAmount;

  private String currency;

  @Column(name = "payer_name")
  private String payerName;

  @Column(name = "payer_iban")
  private String payerIban;

  @Column(name = "remittance_text")
  private String remittanceText;

  @Enumerated(EnumType.STRING)
  private PaymentStatus status = PaymentStatus.UNMATCHED;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(name = "received_at")
  private Instant receivedAt;

  protected Payment() {}

  public Payment(ReceivedMoney money, Instant receivedAt) {
    this.bankReference = money.bankReference();
    this.statementId = money.statementId();
    this.valueDate = money.valueDate();
    this.bookingDate = money.bookingDate();
    this.amount = money.amount();
    this.unallocatedAmount = money.amount();
    this.currency = money.currency();
    this.payerName = money.payerName();
    this.payerIban = money.payerIban();
    this.remittanceText = money.remittanceText();
    this.receivedAt = receivedAt;
  }

  void allocated(BigDecimal allocatedAmount) {
    unallocatedAmount = unallocatedAmount.subtract(allocatedAmount);
  }

  /** Settles what the matching found: the payer, and whatever is left over becomes the payer's credit. */
  void settle(Customer payer) {
    this.customer = payer;
    boolean anyAllocated = unallocatedAmount.compareTo(amount) < 0;
    if (!anyAllocated) {
      status = PaymentStatus.UNMATCHED;
    } else if (unallocatedAmount.signum() == 0) {
      status = PaymentStatus.MATCHED;
    } else {
      payer.addCredit(unallocatedAmount);
      status = PaymentStatus.PARTIALLY_MATCHED;
    }
  }

  public Long getId() {
    return id;
  }

  public String getBankReference() {
    return bankReference;
  }

  public String getStatementId() {
    return statementId;
  }

  public LocalDate getValueDate() {
    return valueDate;
  }

  public LocalDate getBookingDate() {
    return bookingDate;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public BigDecimal getUnallocatedAmount() {
    return unallocatedAmount;
  }

  public String getCurrency() {
    return currency;
  }

  public String getPayerName() {
    return payerName;
  }

  public String getPayerIban() {
    return payerIban;
  }

  public String getRemittanceText() {
    return remittanceText;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public Customer getCustomer() {
    return customer;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
