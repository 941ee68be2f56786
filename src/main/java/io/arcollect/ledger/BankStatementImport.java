package io.arcollect.ledger;

import io.arcollect.ledger.camt.BankStatement;
import io.arcollect.ledger.camt.BankStatementFormatException;
import io.arcollect.ledger.camt.BankStatementParser;
import io.arcollect.ledger.camt.CreditDebit;
import io.arcollect.ledger.camt.StatementEntry;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes camt.053 statements in: the whole document is parsed before anything is stored, and stored in one
 * transaction, so a broken document leaves no trace. Entries already imported (same bank reference) are
 * duplicates and change nothing.
 */
@Service
public class BankStatementImport {

  private static final int MAX_DECIMALS = 5;

  private final BankStatementParser parser;
  private final PaymentReceipt receipt;
  private final PaymentRepository payments;

  /**
   * Lines after which the payments, allocations and invoices of the statement so far leave the persistence context
   * (written first): every query of a line flushes automatically and checks every entity the context holds, which
   * made a statement's cost grow with the square of its lines (issue 17).
   */
  static final int LINES_PER_FLUSH = 25;

  private final jakarta.persistence.EntityManager entityManager;

  BankStatementImport(BankStatementParser parser, PaymentReceipt receipt, PaymentRepository payments,
      jakarta.persistence.EntityManager entityManager) {
    this.entityManager = entityManager;
    this.parser = parser;
    this.receipt = receipt;
    this.payments = payments;
  }

  @Transactional
  public StatementImportReport importStatements(InputStream camt053) {
    List<BankStatement> statements = parser.parse(camt053);
    statements.stream().flatMap(statement -> statement.entries().stream())
        .filter(entry -> entry.amount().stripTrailingZeros().scale() > MAX_DECIMALS).findFirst()
        .ifPresent(entry -> {
          throw new BankStatementFormatException("Entry " + entry.bankReference() + " has the amount "
              + entry.amount().toPlainString() + " with more than " + MAX_DECIMALS
              + " decimals, which ArCollect cannot keep exactly; nothing of this file was imported.");
        });
    List<String> references = statements.stream().flatMap(statement -> statement.entries().stream())
        .map(StatementEntry::bankReference).toList();
    Set<String> seen = new HashSet<>(references.isEmpty() ? List.of() : payments.findExistingReferences(references));
    int entries = 0;
    int matched = 0;
    int partially = 0;
    int unmatched = 0;
    int duplicates = 0;
    int debits = 0;
    for (BankStatement statement : statements) {
      for (StatementEntry entry : statement.entries()) {
        entries++;
        if (entry.direction() == CreditDebit.DEBIT) {
          debits++;
        } else if (!seen.add(entry.bankReference())) {
          duplicates++;
        } else {
          PaymentStatus status = receipt.receiveUnseen(new ReceivedMoney(entry.bankReference(), statement.statementId(),
              entry.valueDate() != null ? entry.valueDate() : entry.bookingDate(), entry.bookingDate(),
              entry.amount(), entry.currency(), entry.payerName(), entry.payerIban(), entry.remittanceInformation()))
              .getStatus();
          switch (status) {
            case MATCHED -> matched++;
            case PARTIALLY_MATCHED -> partially++;
            case UNMATCHED -> unmatched++;
          }
          if ((matched + partially + unmatched) % LINES_PER_FLUSH == 0) {
            entityManager.flush();
            entityManager.clear();
          }
        }
      }
    }
    return new StatementImportReport(statements.size(), entries, matched, partially, unmatched, duplicates, debits);
  }
}
