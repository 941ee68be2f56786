package io.arcollect.ledger.camt;

import com.prowidesoftware.swift.model.mx.MxCamt05300105;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement5;
import com.prowidesoftware.swift.model.mx.dic.CashAccount24;
import com.prowidesoftware.swift.model.mx.dic.CashAccount25;
import com.prowidesoftware.swift.model.mx.dic.CashBalance3;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction7;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification43;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry7;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation12;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties3;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences3;
import java.util.List;
import java.util.Optional;

/** Reads camt.053.001.05 through Prowide's model of that version. */
final class Camt053V05 {

  private Camt053V05() {}

  /** The statements of the document, or null when Prowide cannot read it as this version. */
  static List<Camt053.Statement> statements(String xml, MxReadConfiguration configuration) {
    MxCamt05300105 message = MxCamt05300105.parse(xml, configuration);
    if (message == null || message.getBkToCstmrStmt() == null) {
      return null;
    }
    return message.getBkToCstmrStmt().getStmt().stream().map(Camt053V05::statement).toList();
  }

  private static Camt053.Statement statement(AccountStatement5 stmt) {
    Optional<CashAccount25> account = Optional.ofNullable(stmt.getAcct());
    return new Camt053.Statement(
        stmt.getId(),
        stmt.getCreDtTm(),
        account.map(CashAccount25::getId).map(Camt053::iban).orElse(null),
        account.map(CashAccount25::getId).map(Camt053::otherAccountId).orElse(null),
        account.map(CashAccount25::getCcy).orElse(null),
        stmt.getBal().stream().map(CashBalance3::getAmt).map(Camt053::amount).toList(),
        stmt.getNtry().stream().map(Camt053V05::entry).toList());
  }

  private static Camt053.Entry entry(ReportEntry7 ntry) {
    return new Camt053.Entry(
        Camt053.amount(ntry.getAmt()),
        Camt053.direction(ntry.getCdtDbtInd()),
        Camt053.booked(ntry.getSts()),
        Camt053.date(ntry.getBookgDt()),
        Camt053.date(ntry.getValDt()),
        ntry.getAcctSvcrRef(),
        ntry.getNtryDtls().stream()
            .flatMap(details -> details.getTxDtls().stream())
            .map(Camt053V05::transaction)
            .toList());
  }

  private static Camt053.Transaction transaction(EntryTransaction7 txDtls) {
    Optional<TransactionReferences3> refs = Optional.ofNullable(txDtls.getRefs());
    Optional<TransactionParties3> parties = Optional.ofNullable(txDtls.getRltdPties());
    Optional<RemittanceInformation10> remittance = Optional.ofNullable(txDtls.getRmtInf());
    return new Camt053.Transaction(
        refs.map(TransactionReferences3::getAcctSvcrRef).orElse(null),
        refs.map(TransactionReferences3::getEndToEndId).orElse(null),
        Camt053.firstPresent(Camt053.amount(txDtls.getAmt()), Camt053.amount(txDtls.getAmtDtls())),
        Camt053.direction(txDtls.getCdtDbtInd()),
        parties.map(TransactionParties3::getDbtr).map(PartyIdentification43::getNm).orElse(null),
        parties.map(TransactionParties3::getUltmtDbtr).map(PartyIdentification43::getNm).orElse(null),
        parties.map(TransactionParties3::getDbtrAcct).map(CashAccount24::getId).map(Camt053::iban).orElse(null),
        remittance.map(RemittanceInformation10::getUstrd).orElse(List.of()),
        Camt053.creditorReferences(remittance.map(RemittanceInformation10::getStrd).orElse(List.of()).stream()
            .map(StructuredRemittanceInformation12::getCdtrRefInf)
            .toList()));
  }
}
