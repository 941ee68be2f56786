package io.arcollect.ledger;

/**
 * What a bank statement import did. {@code entries} counts every entry of the document; credits end up
 * matched, partially matched, unmatched or as duplicates of earlier imports; debits are not receivables
 * money and are only counted.
 */
public record StatementImportReport(int statements, int entries, int matched, int partiallyMatched, int unmatched,
    int duplicates, int debits) {}
