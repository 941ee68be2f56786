package io.arcollect.ledger.camt;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.CashAccount20;
import com.prowidesoftware.swift.model.mx.dic.CashBalance3;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation7;
import com.prowidesoftware.swift.model.mx.dic.TransactionParty2;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences2;
import java.util.List;
import java.util.Optional;

/** Reads camt.053.001.02 through Prowide's model of that version. */
final class Camt053V02 {

  private Camt053V02() {}

  /** The statements of the document, or null when Prowide cannot read it as this version. */
  static List<Camt053.Statement> statements(String xml, MxReadConfiguration configuration) {
    MxCamt05300102 message = MxCamt05300102.parse(xml, configuration);
    if (message == null || message.getBkToCstmrStmt() == null) {
      return null;
    }
    return message.getBkToCstmrStmt().getStmt().stream().map(Camt053V02::statement).toList();
  }

  private static Camt053.Statement statement(AccountStatement2 stmt) {
    Optional<CashAccount20> account = Optional.ofNullable(stmt.getAcct());
    return new Camt053.Statement(
        stmt.getId(),
        stmt.getCreDtTm(),
        account.map(CashAccount20::getId).map(Camt053::iban).orElse(null),
        account.map(CashAccount20::getId).map(Camt053::otherAccountId).orElse(null),
        account.map(CashAccount20::getCcy).orElse(null),
        stmt.getBal().stream().map(CashBalance3::getAmt).map(Camt053::amount).toList(),
        stmt.getNtry().stream().map(Camt053V02::entry).toList());
  }

  private static Camt053.Entry entry(ReportEntry2 ntry) {
    return new Camt053.Entry(
        Camt053.amount(ntry.getAmt()),
        Camt053.direction(ntry.getCdtDbtInd()),
        Camt053.booked(ntry.getSts()),
        Camt053.date(ntry.getBookgDt()),
        Camt053.date(ntry.getValDt()),
        ntry.getAcctSvcrRef(),
        ntry.getNtryDtls().stream()
            .flatMap(details -> details.getTxDtls().stream())
            .map(Camt053V02::transaction)
            .toList());
  }

  private static Camt053.Transaction transaction(EntryTransaction2 txDtls) {
    Optional<TransactionReferences2> refs = Optional.ofNullable(txDtls.getRefs());
    Optional<TransactionParty2> parties = Optional.ofNullable(txDtls.getRltdPties());
    Optional<RemittanceInformation5> remittance = Optional.ofNullable(txDtls.getRmtInf());
    return new Camt053.Transaction(
        refs.map(TransactionReferences2::getAcctSvcrRef).orElse(null),
        refs.map(TransactionReferences2::getEndToEndId).orElse(null),
        Camt053.amount(txDtls.getAmtDtls()),
        null, // in this version a transaction has no direction of its own
        parties.map(TransactionParty2::getDbtr).map(PartyIdentification32::getNm).orElse(null),
        parties.map(TransactionParty2::getUltmtDbtr).map(PartyIdentification32::getNm).orElse(null),
        parties.map(TransactionParty2::getDbtrAcct).map(CashAccount16::getId).map(Camt053::iban).orElse(null),
        remittance.map(RemittanceInformation5::getUstrd).orElse(List.of()),
        Camt053.creditorReferences(remittance.map(RemittanceInformation5::getStrd).orElse(List.of()).stream()
            .map(StructuredRemittanceInformation7::getCdtrRefInf)
            .toList()));
  }
}
