package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A credit on the company's bank account, from a statement line or entered by hand. */
public record ReceivedMoney(String bankReference, String statementId, LocalDate valueDate, LocalDate bookingDate,
    BigDecimal amount, String currency, String payerName, String payerIban, String remittanceText) {}
