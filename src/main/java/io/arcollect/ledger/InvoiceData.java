package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as the ERP describes it (one row of the invoice import). */
public record InvoiceData(String invoiceNumber, String customerAccount, LocalDate issueDate, LocalDate dueDate,
    BigDecimal amount, String currency, BigDecimal openAmount, InvoiceStatus status, LocalDate paidDate,
    boolean disputed) {}
