package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the ledger's REST API shows of its records. */
final class LedgerViews {

  private LedgerViews() {}

  record CustomerView(String accountNumber, String name, CustomerTier tier, String industry, BigDecimal creditLimit,
      String currency, String language, String timeZone, String email, String phone, String accountOwner,
      boolean doNotContact, String doNotContactReason, LocalDate doNotContactSince, boolean creditHold,
      BigDecimal creditBalance, PostalAddress postalAddress, java.util.List<ContactPerson.Details> contacts) {

    static CustomerView of(Customer c) {
      return new CustomerView(c.getAccountNumber(), c.getName(), c.getTier(), c.getIndustry(), c.getCreditLimit(),
          c.getCurrency(), c.getLanguage(), c.getTimeZone(), c.getEmail(), c.getPhone(), c.getAccountOwner(),
          c.isDoNotContact(), c.getDoNotContactReason(), c.getDoNotContactSince(), c.isCreditHold(),
          c.getCreditBalance(), c.getPostalAddress().orElse(null), c.getContacts());
    }
  }

  record InvoiceView(String invoiceNumber, String customerAccount, LocalDate issueDate, LocalDate dueDate,
      BigDecimal amount, BigDecimal openAmount, String currency, InvoiceStatus status, LocalDate paidDate,
      Integer daysLate, boolean disputed, String disputeReason) {

    static InvoiceView of(Invoice i) {
      return new InvoiceView(i.getInvoiceNumber(), i.getCustomer().getAccountNumber(), i.getIssueDate(),
          i.getDueDate(), i.getAmount(), i.getOpenAmount(), i.getCurrency(), i.getStatus(), i.getPaidDate(),
          i.getDaysLate(), i.isDisputed(), i.getDisputeReason());
    }
  }

  record AllocationView(String invoiceNumber, BigDecimal amount) {}

  record PaymentView(String bankReference, String statementId, LocalDate valueDate, BigDecimal amount,
      BigDecimal unallocatedAmount, String currency, String payerName, String payerIban, String remittanceText,
      PaymentStatus status, String customerAccount, java.util.List<AllocationView> allocations) {

    static PaymentView of(Payment p, java.util.List<Allocation> allocations) {
      return new PaymentView(p.getBankReference(), p.getStatementId(), p.getValueDate(), p.getAmount(),
          p.getUnallocatedAmount(), p.getCurrency(), p.getPayerName(), p.getPayerIban(), p.getRemittanceText(),
          p.getStatus(), p.getCustomer() == null ? null : p.getCustomer().getAccountNumber(),
          allocations.stream().map(a -> new AllocationView(a.getInvoice().getInvoiceNumber(), a.getAmount())).toList());
    }
  }
}
