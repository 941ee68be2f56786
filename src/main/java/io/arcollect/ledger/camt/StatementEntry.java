package io.arcollect.ledger.camt;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked movement on the account, as the bank reported it.
 *
 * @param bankReference stable key of this movement for idempotent re-import: the bank's reference
 *     ({@code AcctSvcrRef}) or the payer's end-to-end id, else statement id and entry number; unique within
 *     one parsed file
 * @param amount exactly as in the file, never rounded (scale kept, e.g. {@code 8.850})
 * @param payerName for credits, the debtor ({@code Dbtr}, else {@code UltmtDbtr}); null for debits
 * @param payerIban for credits, the debtor's IBAN ({@code DbtrAcct/Id/IBAN}); null for debits
 * @param remittanceInformation the unstructured remittance lines ({@code Ustrd}) joined with a space, followed
 *     by the structured creditor reference ({@code CdtrRefInf/Ref}); null when the bank passed none
 */
public record StatementEntry(
    String bankReference,
    CreditDebit direction,
    BigDecimal amount,
    String currency,
    LocalDate bookingDate,
    LocalDate valueDate,
    String payerName,
    String payerIban,
    String remittanceInformation) {}
