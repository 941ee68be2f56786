package io.arcollect.ledger.camt;

import com.prowidesoftware.swift.model.mx.MxCamt05300106;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount24;
import com.prowidesoftware.swift.model.mx.dic.CashAccount25;
import com.prowidesoftware.swift.model.mx.dic.CashBalance7;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction8;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification43;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation11;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry8;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation13;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties3;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences3;
import java.util.List;
import java.util.Optional;

/** Reads camt.053.001.06 through Prowide's model of that version. */
final class Camt053V06 {

  private Camt053V06() {}

  /** The statements of the document, or null when Prowide cannot read it as this version. */
  static List<Camt053.Statement> statements(String xml, MxReadConfiguration configuration) {
    MxCamt05300106 message = MxCamt05300106.parse(xml, configuration);
    if (message == null || message.getBkToCstmrStmt() == null) {
      return null;
    }
    return message.getBkToCstmrStmt().getStmt().stream().map(Camt053V06::statement).toList();
  }

  private static Camt053.Statement statement(AccountStatement6 stmt) {
    Optional<CashAccount25> account = Optional.ofNullable(stmt.getAcct());
    return new Camt053.Statement(
        stmt.getId(),
        stmt.getCreDtTm(),
        account.map(CashAccount25::getId).map(Camt053::iban).orElse(null),
        account.map(CashAccount25::getId).map(Camt053::otherAccountId).orElse(null),
        account.map(CashAccount25::getCcy).orElse(null),
        stmt.getBal().stream().map(CashBalance7::getAmt).map(Camt053::amount).toList(),
        stmt.getNtry().stream().map(Camt053V06::entry).toList());
  }

  private static Camt053.Entry entry(ReportEntry8 ntry) {
    return new Camt053.Entry(
        Camt053.amount(ntry.getAmt()),
        Camt053.direction(ntry.getCdtDbtInd()),
        Camt053.booked(ntry.getSts()),
        Camt053.date(ntry.getBookgDt()),
        Camt053.date(ntry.getValDt()),
        ntry.getAcctSvcrRef(),
        ntry.getNtryDtls().stream()
            .flatMap(details -> details.getTxDtls().stream())
            .map(Camt053V06::transaction)
            .toList());
  }

  private static Camt053.Transaction transaction(EntryTransaction8 txDtls) {
    Optional<TransactionReferences3> refs = Optional.ofNullable(txDtls.getRefs());
    Optional<TransactionParties3> parties = Optional.ofNullable(txDtls.getRltdPties());
    Optional<RemittanceInformation11> remittance = Optional.ofNullable(txDtls.getRmtInf());
    return new Camt053.Transaction(
        refs.map(TransactionReferences3::getAcctSvcrRef).orElse(null),
        refs.map(TransactionReferences3::getEndToEndId).orElse(null),
        Camt053.firstPresent(Camt053.amount(txDtls.getAmt()), Camt053.amount(txDtls.getAmtDtls())),
        Camt053.direction(txDtls.getCdtDbtInd()),
        parties.map(TransactionParties3::getDbtr).map(PartyIdentification43::getNm).orElse(null),
        parties.map(TransactionParties3::getUltmtDbtr).map(PartyIdentification43::getNm).orElse(null),
        parties.map(TransactionParties3::getDbtrAcct).map(CashAccount24::getId).map(Camt053::iban).orElse(null),
        remittance.map(RemittanceInformation11::getUstrd).orElse(List.of()),
        Camt053.creditorReferences(remittance.map(RemittanceInformation11::getStrd).orElse(List.of()).stream()
            .map(StructuredRemittanceInformation13::getCdtrRefInf)
            .toList()));
  }
}
