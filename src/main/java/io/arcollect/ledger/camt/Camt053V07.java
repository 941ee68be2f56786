package io.arcollect.ledger.camt;

import com.prowidesoftware.swift.model.mx.MxCamt05300107;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement8;
import com.prowidesoftware.swift.model.mx.dic.CashAccount24;
import com.prowidesoftware.swift.model.mx.dic.CashAccount36;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction9;
import com.prowidesoftware.swift.model.mx.dic.Party35Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification125;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation15;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry9;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation15;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties4;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences3;
import java.util.List;
import java.util.Optional;

/** Reads camt.053.001.07 through Prowide's model of that version. */
final class Camt053V07 {

  private Camt053V07() {}

  /** The statements of the document, or null when Prowide cannot read it as this version. */
  static List<Camt053.Statement> statements(String xml, MxReadConfiguration configuration) {
    MxCamt05300107 message = MxCamt05300107.parse(xml, configuration);
    if (message == null || message.getBkToCstmrStmt() == null) {
      return null;
    }
    return message.getBkToCstmrStmt().getStmt().stream().map(Camt053V07::statement).toList();
  }

  private static Camt053.Statement statement(AccountStatement8 stmt) {
    Optional<CashAccount36> account = Optional.ofNullable(stmt.getAcct());
    return new Camt053.Statement(
        stmt.getId(),
        stmt.getCreDtTm(),
        account.map(CashAccount36::getId).map(Camt053::iban).orElse(null),
        account.map(CashAccount36::getId).map(Camt053::otherAccountId).orElse(null),
        account.map(CashAccount36::getCcy).orElse(null),
        stmt.getBal().stream().map(CashBalance8::getAmt).map(Camt053::amount).toList(),
        stmt.getNtry().stream().map(Camt053V07::entry).toList());
  }

  private static Camt053.Entry entry(ReportEntry9 ntry) {
    return new Camt053.Entry(
        Camt053.amount(ntry.getAmt()),
        Camt053.direction(ntry.getCdtDbtInd()),
        Camt053.booked(ntry.getSts()),
        Camt053.date(ntry.getBookgDt()),
        Camt053.date(ntry.getValDt()),
        ntry.getAcctSvcrRef(),
        ntry.getNtryDtls().stream()
            .flatMap(details -> details.getTxDtls().stream())
            .map(Camt053V07::transaction)
            .toList());
  }

  private static Camt053.Transaction transaction(EntryTransaction9 txDtls) {
    Optional<TransactionReferences3> refs = Optional.ofNullable(txDtls.getRefs());
    Optional<TransactionParties4> parties = Optional.ofNullable(txDtls.getRltdPties());
    Optional<RemittanceInformation15> remittance = Optional.ofNullable(txDtls.getRmtInf());
    return new Camt053.Transaction(
        refs.map(TransactionReferences3::getAcctSvcrRef).orElse(null),
        refs.map(TransactionReferences3::getEndToEndId).orElse(null),
        Camt053.firstPresent(Camt053.amount(txDtls.getAmt()), Camt053.amount(txDtls.getAmtDtls())),
        Camt053.direction(txDtls.getCdtDbtInd()),
        parties.map(TransactionParties4::getDbtr).map(Party35Choice::getPty)
            .map(PartyIdentification125::getNm).orElse(null),
        parties.map(TransactionParties4::getUltmtDbtr).map(Party35Choice::getPty)
            .map(PartyIdentification125::getNm).orElse(null),
        parties.map(TransactionParties4::getDbtrAcct).map(CashAccount24::getId).map(Camt053::iban).orElse(null),
        remittance.map(RemittanceInformation15::getUstrd).orElse(List.of()),
        Camt053.creditorReferences(remittance.map(RemittanceInformation15::getStrd).orElse(List.of()).stream()
            .map(StructuredRemittanceInformation15::getCdtrRefInf)
            .toList()));
  }
}
