package io.arcollect.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Part of a payment applied to one invoice. */
@Entity
@Table(name = "allocations")
public class Allocation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "payment_id")
  private Payment payment;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;

  private BigDecimal amount;

  @Column(name = "allocated_at")
  private Instant allocatedAt;

  protected Allocation() {}

  Allocation(Payment payment, Invoice invoice, BigDecimal amount, Instant allocatedAt) {
    this.payment = payment;
    this.invoice = invoice;
    this.amount = amount;
    this.allocatedAt = allocatedAt;
  }

  public Payment getPayment() {
    return payment;
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public Instant getAllocatedAt() {
    return allocatedAt;
  }
}
