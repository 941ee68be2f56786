package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Published inside the allocating transaction after money was applied to a customer's invoices, so the
 * collection case can move on in the same transaction.
 *
 * @param invoiceNumbers the invoices that received money
 * @param allocatedAmount how much went to those invoices
 * @param paidInFull the invoices among them that are now paid
 */
public record PaymentAllocated(String customerAccount, String bankReference, LocalDate valueDate,
    BigDecimal allocatedAmount, String currency, List<String> invoiceNumbers, List<String> paidInFull) {}
