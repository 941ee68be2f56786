package io.arcollect.ledger.camt;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One account statement (a {@code Stmt} of a camt.053 document); a file may hold several.
 *
 * @param statementId the bank's statement identification ({@code Stmt/Id})
 * @param accountIban the statement's account: its IBAN, or the bank's other account number when the bank
 *     gives no IBAN ({@code Acct/Id/Othr/Id})
 * @param currency the account currency ({@code Acct/Ccy}), else the currency of the entries or balances
 * @param created when the bank produced the statement; a time without offset is taken in the company's zone
 * @param entries the booked entries, batches split into one entry per transaction
 */
public record BankStatement(
    String statementId, String accountIban, String currency, OffsetDateTime created, List<StatementEntry> entries) {

  public BankStatement {
    entries = List.copyOf(entries);
  }
}
