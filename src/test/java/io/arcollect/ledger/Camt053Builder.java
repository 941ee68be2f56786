package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes small camt.053.001.02 statements for tests: credits as a bank would report them (public for audit's tests). */
public final class Camt053Builder {

  record Credit(String reference, BigDecimal amount, String currency, String payerName, String payerIban,
      String remittance, LocalDate valueDate) {}

  private final String statementId;
  private final List<Credit> credits = new ArrayList<>();

  private Camt053Builder(String statementId) {
    this.statementId = statementId;
  }

  public static Camt053Builder statement(String statementId) {
    return new Camt053Builder(statementId);
  }

  public Camt053Builder credit(String reference, String amount, String payerName, String payerIban, String remittance) {
    return credit(reference, amount, payerName, payerIban, remittance, LocalDate.of(2026, 11, 20));
  }

  public Camt053Builder credit(String reference, String amount, String payerName, String payerIban, String remittance,
      LocalDate valueDate) {
    credits.add(new Credit(reference, new BigDecimal(amount), "USD", payerName, payerIban, remittance, valueDate));
    return this;
  }

  public String xml() {
    StringBuilder entries = new StringBuilder();
    for (Credit c : credits) {
      entries.append("""
                <Ntry>
                    <NtryRef>%1$s</NtryRef>
                    <Amt Ccy="%3$s">%2$s</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts>BOOK</Sts>
                    <BookgDt><Dt>%7$s</Dt></BookgDt>
                    <ValDt><Dt>%7$s</Dt></ValDt>
                    <AcctSvcrRef>%1$s</AcctSvcrRef>
                    <BkTxCd><Prtry><Cd>TRF</Cd></Prtry></BkTxCd>
                    <NtryDtls>
                        <TxDtls>
                            <Refs><AcctSvcrRef>%1$s</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                            <RltdPties>
                                <Dbtr><Nm>%4$s</Nm></Dbtr>
                                <DbtrAcct><Id><IBAN>%5$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>%6$s</Ustrd></RmtInf>
                        </TxDtls>
                    </NtryDtls>
                </Ntry>
          """.formatted(c.reference(), c.amount().toPlainString(), c.currency(), escape(c.payerName()),
          c.payerIban(), escape(c.remittance()), c.valueDate()));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
            <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>2026-11-20T18:00:00+00:00</CreDtTm></GrpHdr>
                <Stmt>
                    <Id>%1$s</Id>
                    <CreDtTm>2026-11-20T18:00:00+00:00</CreDtTm>
                    <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>USD</Ccy></Acct>
                    <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">0</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-20</Dt></Dt></Bal>
        %2$s
                </Stmt>
            </BkToCstmrStmt>
        </Document>
        """.formatted(statementId, entries);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
