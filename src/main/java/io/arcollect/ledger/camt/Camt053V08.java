package io.arcollect.ledger.camt;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.util.List;
import java.util.Optional;

/** Reads camt.053.001.08 through Prowide's model of that version. */
final class Camt053V08 {

  private Camt053V08() {}

  /** The statements of the document, or null when Prowide cannot read it as this version. */
  static List<Camt053.Statement> statements(String xml, MxReadConfiguration configuration) {
    MxCamt05300108 message = MxCamt05300108.parse(xml, configuration);
    if (message == null || message.getBkToCstmrStmt() == null) {
      return null;
    }
    return message.getBkToCstmrStmt().getStmt().stream().map(Camt053V08::statement).toList();
  }

  private static Camt053.Statement statement(AccountStatement9 stmt) {
    Optional<CashAccount39> account = Optional.ofNullable(stmt.getAcct());
    return new Camt053.Statement(
        stmt.getId(),
        stmt.getCreDtTm(),
        account.map(CashAccount39::getId).map(Camt053::iban).orElse(null),
        account.map(CashAccount39::getId).map(Camt053::otherAccountId).orElse(null),
        account.map(CashAccount39::getCcy).orElse(null),
        stmt.getBal().stream().map(CashBalance8::getAmt).map(Camt053::amount).toList(),
        stmt.getNtry().stream().map(Camt053V08::entry).toList());
  }

  private static Camt053.Entry entry(ReportEntry10 ntry) {
    return new Camt053.Entry(
        Camt053.amount(ntry.getAmt()),
        Camt053.direction(ntry.getCdtDbtInd()),
        Camt053.booked(ntry.getSts()),
        Camt053.date(ntry.getBookgDt()),
        Camt053.date(ntry.getValDt()),
        ntry.getAcctSvcrRef(),
        ntry.getNtryDtls().stream()
            .flatMap(details -> details.getTxDtls().stream())
            .map(Camt053V08::transaction)
            .toList());
  }

  private static Camt053.Transaction transaction(EntryTransaction10 txDtls) {
    Optional<TransactionReferences6> refs = Optional.ofNullable(txDtls.getRefs());
    Optional<TransactionParties6> parties = Optional.ofNullable(txDtls.getRltdPties());
    Optional<RemittanceInformation16> remittance = Optional.ofNullable(txDtls.getRmtInf());
    return new Camt053.Transaction(
        refs.map(TransactionReferences6::getAcctSvcrRef).orElse(null),
        refs.map(TransactionReferences6::getEndToEndId).orElse(null),
        Camt053.firstPresent(Camt053.amount(txDtls.getAmt()), Camt053.amount(txDtls.getAmtDtls())),
        Camt053.direction(txDtls.getCdtDbtInd()),
        parties.map(TransactionParties6::getDbtr).map(Party40Choice::getPty)
            .map(PartyIdentification135::getNm).orElse(null),
        parties.map(TransactionParties6::getUltmtDbtr).map(Party40Choice::getPty)
            .map(PartyIdentification135::getNm).orElse(null),
        parties.map(TransactionParties6::getDbtrAcct).map(CashAccount38::getId).map(Camt053::iban).orElse(null),
        remittance.map(RemittanceInformation16::getUstrd).orElse(List.of()),
        Camt053.creditorReferences(remittance.map(RemittanceInformation16::getStrd).orElse(List.of()).stream()
            .map(StructuredRemittanceInformation16::getCdtrRefInf)
            .toList()));
  }
}
