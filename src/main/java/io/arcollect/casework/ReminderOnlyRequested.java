package io.arcollect.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * case-opening.dmn decided REMIND_ONLY for an overdue account: no case is opened; outreach may send the customer an
 * automatic reminder of these invoices (published in the sweep's transaction, once per sweep run while the decision
 * stays so; outreach's contact policy decides whether and when a reminder actually goes out).
 */
public record ReminderOnlyRequested(String customerAccount, long customerId, List<String> invoiceNumbers,
    BigDecimal overdueAmount, String currency, LocalDate businessDate, int decisionVersion) {}
