package io.arcollect.ledger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class LedgerStatistics {

  private final CustomerRepository customers;
  private final InvoiceRepository invoices;
  private final PaymentRepository payments;

  LedgerStatistics(CustomerRepository customers, InvoiceRepository invoices, PaymentRepository payments) {
    this.customers = customers;
    this.invoices = invoices;
    this.payments = payments;
  }

  @Transactional(readOnly = true)
  public long customerCount() {
    return customers.count();
  }

  @Transactional(readOnly = true)
  public long invoiceCount() {
    return invoices.count();
  }

  @Transactional(readOnly = true)
  public long paymentCount() {
    return payments.count();
  }
}
