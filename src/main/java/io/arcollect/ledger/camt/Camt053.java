package io.arcollect.ledger.camt;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchangeDetails3;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus2Code;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a camt.053 document that ArCollect reads, the same for every message version. Each version reader
 * ({@code Camt053V02} and so on) fills it from Prowide's model of that version; {@link BankStatementAssembly} turns
 * it into {@link BankStatement}s. Names follow the ISO 20022 tags, so a reader maps one to one onto the standard.
 */
final class Camt053 {

  private Camt053() {}

  /** A {@code Stmt}; {@code accountIban} is {@code Acct/Id/IBAN}, {@code otherAccountId} {@code Acct/Id/Othr/Id}. */
  record Statement(
      String id,
      OffsetDateTime created,
      String accountIban,
      String otherAccountId,
      String accountCurrency,
      List<Amount> balances,
      List<Entry> entries) {}

  /** An {@code Ntry}; {@code transactions} are the {@code TxDtls} of all its {@code NtryDtls}. */
  record Entry(
      Amount amount,
      CreditDebit direction,
      boolean booked,
      LocalDate bookingDate,
      LocalDate valueDate,
      String accountServicerReference,
      List<Transaction> transactions) {}

  /** A {@code TxDtls}; amount and direction are null where the version or the bank leaves them out. */
  record Transaction(
      String accountServicerReference,
      String endToEndId,
      Amount amount,
      CreditDebit direction,
      String debtorName,
      String ultimateDebtorName,
      String debtorIban,
      List<String> unstructuredRemittance,
      List<String> creditorReferences) {}

  /** An amount with its {@code Ccy} attribute, the value as written in the file. */
  record Amount(BigDecimal value, String currency) {}

  static Amount amount(ActiveOrHistoricCurrencyAndAmount amount) {
    return amount == null ? null : new Amount(amount.getValue(), amount.getCcy());
  }

  /** {@code AmtDtls/TxAmt/Amt}, where camt.053.001.02 keeps the amount of one transaction of a batch. */
  static Amount amount(AmountAndCurrencyExchange3 amountDetails) {
    return Optional.ofNullable(amountDetails)
        .map(AmountAndCurrencyExchange3::getTxAmt)
        .map(AmountAndCurrencyExchangeDetails3::getAmt)
        .map(Camt053::amount)
        .orElse(null);
  }

  static Amount firstPresent(Amount first, Amount second) {
    return first != null ? first : second;
  }

  // Pending (PDNG), informational (INFO) and future (FUTR) entries are not money on the account yet
  static boolean booked(EntryStatus2Code status) {
    return status == null || status == EntryStatus2Code.BOOK;
  }

  static boolean booked(EntryStatus1Choice status) {
    return status == null || status.getCd() == null || "BOOK".equals(status.getCd());
  }

  static CreditDebit direction(CreditDebitCode code) {
    if (code == null) {
      return null;
    }
    return code == CreditDebitCode.CRDT ? CreditDebit.CREDIT : CreditDebit.DEBIT;
  }

  static LocalDate date(DateAndDateTimeChoice choice) {
    return choice == null ? null : date(choice.getDt(), choice.getDtTm());
  }

  static LocalDate date(DateAndDateTime2Choice choice) {
    return choice == null ? null : date(choice.getDt(), choice.getDtTm());
  }

  // A booking "date and time" counts on the date the bank wrote, in the bank's own offset
  private static LocalDate date(LocalDate date, OffsetDateTime dateTime) {
    if (date != null) {
      return date;
    }
    return dateTime == null ? null : dateTime.toLocalDate();
  }

  static String iban(AccountIdentification4Choice accountId) {
    return accountId == null ? null : accountId.getIBAN();
  }

  static String otherAccountId(AccountIdentification4Choice accountId) {
    return Optional.ofNullable(accountId)
        .map(AccountIdentification4Choice::getOthr)
        .map(GenericAccountIdentification1::getId)
        .orElse(null);
  }

  static List<String> creditorReferences(List<CreditorReferenceInformation2> references) {
    return references.stream().filter(Objects::nonNull).map(CreditorReferenceInformation2::getRef).toList();
  }
}
