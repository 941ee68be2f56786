package io.arcollect.ledger.camt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the statements of one camt.053 file into ArCollect's {@link BankStatement}s: checks the parts a payment
 * cannot do without, drops entries that are not booked yet, splits batches into their transactions and gives each
 * movement a reference that is the same every time the file is imported.
 */
final class BankStatementAssembly {

  // ISO 20022's placeholder for a reference the payer did not give; it identifies nothing
  private static final String NOT_PROVIDED = "NOTPROVIDED";

  private final String messageType;
  private final Set<String> references = new HashSet<>();

  /** One assembly per file, so that references are unique across all statements of that file. */
  BankStatementAssembly(String messageType) {
    this.messageType = messageType;
  }

  BankStatement statement(Camt053.Statement stmt, int number) {
    String id = text(stmt.id());
    if (id == null) {
      throw invalid("statement " + number + " has no identification (Stmt/Id)");
    }
    String account = firstText(stmt.accountIban(), stmt.otherAccountId());
    if (account == null) {
      throw invalid("statement " + id + " names no account (Stmt/Acct/Id/IBAN or Stmt/Acct/Id/Othr/Id)");
    }
    if (stmt.created() == null) {
      throw invalid("statement " + id + " has no creation time (Stmt/CreDtTm)");
    }
    List<StatementEntry> entries = new ArrayList<>();
    for (int index = 0; index < stmt.entries().size(); index++) {
      int entryNumber = index + 1;
      Camt053.Entry ntry = checked(stmt.entries().get(index), "entry " + entryNumber + " of statement " + id);
      if (ntry.booked()) {
        entries.addAll(statementEntries(ntry, id + "/" + entryNumber));
      }
    }
    String currency = firstText(
        stmt.accountCurrency(),
        stmt.entries().isEmpty() ? null : stmt.entries().get(0).amount().currency(),
        stmt.balances().isEmpty() || stmt.balances().get(0) == null ? null : stmt.balances().get(0).currency());
    if (currency == null) {
      throw invalid("statement " + id + " gives no account currency (Stmt/Acct/Ccy) and has no balance or entry"
          + " to take it from");
    }
    return new BankStatement(id, account, currency, stmt.created(), entries);
  }

  private Camt053.Entry checked(Camt053.Entry ntry, String entry) {
    if (ntry.amount() == null || ntry.amount().value() == null) {
      throw invalid(entry + " has no valid amount (Ntry/Amt)");
    }
    if (text(ntry.amount().currency()) == null) {
      throw invalid(entry + " has an amount without currency (Ntry/Amt/@Ccy)");
    }
    if (ntry.direction() == null) {
      throw invalid(entry + " does not say whether it is a credit or a debit (Ntry/CdtDbtInd)");
    }
    if (ntry.booked() && ntry.bookingDate() == null && ntry.valueDate() == null) {
      throw invalid(entry + " has no booking date (Ntry/BookgDt)");
    }
    return ntry;
  }

  /**
   * An entry with one transaction (or none) is one movement of the entry's amount. A batch (several transactions
   * under one entry) is one movement per transaction, so that each payer's payment can be matched on its own.
   */
  private List<StatementEntry> statementEntries(Camt053.Entry ntry, String entryKey) {
    String entryReference = reference(ntry.accountServicerReference());
    List<Camt053.Transaction> transactions = ntry.transactions();
    if (transactions.size() <= 1) {
      Camt053.Transaction transaction = transactions.isEmpty() ? null : transactions.get(0);
      String reference = entryReference != null ? entryReference : transactionReference(transaction, entryKey);
      return List.of(statementEntry(reference, ntry.direction(), ntry.amount(), ntry, transaction));
    }
    List<StatementEntry> batch = new ArrayList<>();
    for (int index = 0; index < transactions.size(); index++) {
      Camt053.Transaction transaction = transactions.get(index);
      String suffix = "/" + (index + 1);
      String reference = entryReference != null
          ? entryReference + suffix
          : transactionReference(transaction, entryKey + suffix);
      CreditDebit direction = transaction.direction() != null ? transaction.direction() : ntry.direction();
      Camt053.Amount amount = complete(transaction.amount(), ntry.amount());
      batch.add(statementEntry(reference, direction, amount, ntry, transaction));
    }
    return batch;
  }

  private StatementEntry statementEntry(
      String reference,
      CreditDebit direction,
      Camt053.Amount amount,
      Camt053.Entry ntry,
      Camt053.Transaction transaction) {
    boolean paidIn = direction == CreditDebit.CREDIT && transaction != null;
    LocalDate bookingDate = ntry.bookingDate() != null ? ntry.bookingDate() : ntry.valueDate();
    return new StatementEntry(
        unique(reference),
        direction,
        amount.value(),
        amount.currency().strip(),
        bookingDate,
        ntry.valueDate(),
        paidIn ? firstText(transaction.debtorName(), transaction.ultimateDebtorName()) : null,
        paidIn ? text(transaction.debtorIban()) : null,
        transaction == null ? null : remittanceInformation(transaction));
  }

  private static String transactionReference(Camt053.Transaction transaction, String fallback) {
    if (transaction == null) {
      return fallback;
    }
    String reference = firstText(
        reference(transaction.accountServicerReference()), reference(transaction.endToEndId()));
    return reference != null ? reference : fallback;
  }

  // The transaction's own amount where the bank gives one; an amount without currency is in the entry's currency
  private static Camt053.Amount complete(Camt053.Amount transactionAmount, Camt053.Amount entryAmount) {
    if (transactionAmount == null || transactionAmount.value() == null) {
      return entryAmount;
    }
    if (text(transactionAmount.currency()) == null) {
      return new Camt053.Amount(transactionAmount.value(), entryAmount.currency());
    }
    return transactionAmount;
  }

  private static String remittanceInformation(Camt053.Transaction transaction) {
    String joined = Stream.concat(
            transaction.unstructuredRemittance().stream(), transaction.creditorReferences().stream())
        .map(BankStatementAssembly::text)
        .filter(line -> line != null)
        .collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }

  /**
   * References come from the bank or the payer, so two movements of one file can share one (a payer reusing an
   * end-to-end id); the later one gets "#2", "#3" in document order, which is the same on every import.
   */
  private String unique(String reference) {
    String candidate = reference;
    for (int occurrence = 2; !references.add(candidate); occurrence++) {
      candidate = reference + "#" + occurrence;
    }
    return candidate;
  }

  private static String reference(String value) {
    String reference = text(value);
    return reference == null || NOT_PROVIDED.equalsIgnoreCase(reference) ? null : reference;
  }

  private static String firstText(String... values) {
    for (String value : values) {
      String text = text(value);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private BankStatementFormatException invalid(String problem) {
    return new BankStatementFormatException("In this " + messageType + " file, " + problem + ".");
  }
}
