package io.arcollect.ledger.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.arcollect.system.BusinessClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values were read off the XML files in src/test/resources/camt by hand. */
class BankStatementParserTest {

  private static final String ARCOLLECT_V8 = "arcollect-invoice-payments.camt053.v8.xml";

  private final BankStatementParser parser = new BankStatementParser(new BusinessClock(ZoneId.of("Europe/Berlin")));

  static Stream<String> genkgoStatementSamples() throws IOException, URISyntaxException {
    Path folder = Path.of(BankStatementParserTest.class.getResource("/camt").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith("camt053.") && name.endsWith(".xml"))
          .filter(name -> !name.equals("camt053.v2.wrong.xml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("genkgoStatementSamples")
  void everySampleStatementOfTheBanksIsRead(String sample) {
    List<BankStatement> statements = parser.parse(resource(sample));

    assertThat(statements).isNotEmpty().allSatisfy(statement -> {
      assertThat(statement.statementId()).isNotBlank();
      assertThat(statement.accountIban()).isNotBlank();
      assertThat(statement.currency()).hasSize(3);
      assertThat(statement.created()).isNotNull();
      assertThat(statement.entries()).isNotEmpty().allSatisfy(entry -> {
        assertThat(entry.bankReference()).isNotBlank();
        assertThat(entry.direction()).isNotNull();
        assertThat(entry.amount()).isNotNull();
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
      });
    });
  }

  @Test
  void aMinimalStatementGivesItsAccountPayerAndCreditorReference() {
    BankStatement statement = single(parser.parse(resource("camt053.v2.minimal.xml")));

    assertThat(statement.statementId()).isEqualTo("253EURNL26VAYB8060476890");
    assertThat(statement.accountIban()).isEqualTo("NL26VAYB8060476890");
    assertThat(statement.currency()).isEqualTo("EUR");
    assertThat(statement.created()).isEqualTo(OffsetDateTime.of(2015, 3, 10, 18, 43, 50, 0, ZoneOffset.UTC));
    assertThat(statement.entries()).containsExactly(new StatementEntry(
        // neither AcctSvcrRef nor EndToEndId: statement id and entry number
        "253EURNL26VAYB8060476890/1",
        CreditDebit.CREDIT,
        new BigDecimal("8.85"),
        "EUR",
        LocalDate.of(2014, 12, 31),
        LocalDate.of(2015, 1, 2),
        "NAME NAME",
        "NL56AGDH9619008421",
        "4654654654654654"));
  }

  @Test
  void aFileWithSeveralStatementsGivesEachOfThem() {
    List<BankStatement> statements = parser.parse(resource("camt053.v2.multi.statement.xml"));

    assertThat(statements).extracting(BankStatement::statementId)
        .containsExactly("253EURNL26VAYB8060476890", "254EURNL26VAYB8060476890");
    StatementEntry incoming = single(statements.get(0).entries());
    assertThat(incoming.bankReference()).isEqualTo("000000001");
    assertThat(incoming.direction()).isEqualTo(CreditDebit.CREDIT);
    assertThat(incoming.amount()).isEqualTo(new BigDecimal("8.85"));
    assertThat(incoming.remittanceInformation()).isEqualTo("Transaction Description 1");
    StatementEntry outgoing = single(statements.get(1).entries());
    assertThat(outgoing.bankReference()).isEqualTo("000000002");
    assertThat(outgoing.direction()).isEqualTo(CreditDebit.DEBIT);
    assertThat(outgoing.amount()).isEqualTo(new BigDecimal("7.00"));
    assertThat(outgoing.remittanceInformation()).isEqualTo("Transaction Description 2");
    assertThat(outgoing.payerName()).isNull();
  }

  @Test
  void amountsKeepEveryDecimalOfTheFile() {
    StatementEntry entry = single(single(parser.parse(resource("camt053.v2.five.decimals.xml"))).entries());
    assertThat(entry.amount()).isEqualTo(new BigDecimal("8.850"));
    assertThat(entry.amount().scale()).isEqualTo(3);

    List<StatementEntry> batch = single(parser.parse(resource(ARCOLLECT_V8))).entries();
    assertThat(batch).extracting(StatementEntry::amount)
        .contains(new BigDecimal("100.00000"), new BigDecimal("200.12345"));
  }

  @Test
  void aDebtorWithPartyIdsIsThePayer() {
    StatementEntry entry = single(single(parser.parse(resource("camt053.v2.with-party-ids.xml"))).entries());

    assertThat(entry.payerName()).isEqualTo("NAME NAME");
    assertThat(entry.payerIban()).isEqualTo("NL56AGDH9619008421");
  }

  @Test
  void theUltimateDebtorPaysWhenNoDebtorIsNamed() {
    StatementEntry entry = single(single(parser.parse(resource("camt053.v2.minimal.ultimate.xml"))).entries());

    assertThat(entry.payerName()).isEqualTo("DEBTOR NAME NM");
    assertThat(entry.payerIban()).isNull();
    assertThat(entry.remittanceInformation()).isEqualTo("4654654654654654");
  }

  @Test
  void anAccountWithoutIbanIsNamedByTheBanksAccountNumber() {
    BankStatement statement = single(parser.parse(resource("camt053.v2.all-balance-types.xml")));

    assertThat(statement.statementId()).isEqualTo("CAMT0532015012200001");
    assertThat(statement.accountIban()).isEqualTo("CH2801234000123456789");
    // no Acct/Ccy: the currency of the entries
    assertThat(statement.currency()).isEqualTo("EUR");
    assertThat(statement.created()).isEqualTo(OffsetDateTime.of(2015, 1, 22, 0, 0, 0, 0, ZoneOffset.ofHours(1)));
    StatementEntry entry = single(statement.entries());
    assertThat(entry.bankReference()).isEqualTo("000000001");
    assertThat(entry.amount()).isEqualTo(new BigDecimal("8.850"));
    assertThat(entry.remittanceInformation()).isEqualTo("Transaction Description");
  }

  @Test
  void anEntryWithoutValueDateOrRemittanceIsStillAMovement() {
    BankStatement statement = single(parser.parse(resource("camt053.v2.with-account-name.xml")));

    assertThat(statement.accountIban()).isEqualTo("CH2801234000123456789");
    assertThat(single(statement.entries())).isEqualTo(new StatementEntry(
        "253EURCH2801234000123456789/1",
        CreditDebit.CREDIT,
        new BigDecimal("8.85"),
        "EUR",
        LocalDate.of(2014, 12, 31),
        null,
        null,
        null,
        null));
  }

  @Test
  void version3TakesTheBanksReferenceAndTheBookedAmountOfTheEntry() {
    BankStatement statement = single(parser.parse(resource("camt053.v3.xml")));

    assertThat(statement.accountIban()).isEqualTo("NL26VAYB8060476890");
    assertThat(statement.currency()).isEqualTo("EUR");
    StatementEntry entry = single(statement.entries());
    assertThat(entry.bankReference()).isEqualTo("XXXXXXXXXXXXXXXXXXXXXXEUR");
    // one transaction: the entry's booked 8.85, not the 105.750 the transaction details mention
    assertThat(entry.amount()).isEqualTo(new BigDecimal("8.85"));
    assertThat(entry.payerName()).isEqualTo("NAME NAME");
    assertThat(entry.payerIban()).isEqualTo("NL56AGDH9619008421");
  }

  @Test
  void version4IsRead() {
    BankStatement statement = single(parser.parse(resource("camt053.v4.xml")));

    assertThat(statement.accountIban()).isEqualTo("NL26VAYB8060476890");
    assertThat(statement.currency()).isEqualTo("EUR");
    StatementEntry entry = single(statement.entries());
    assertThat(entry.bankReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
    assertThat(entry.amount()).isEqualTo(new BigDecimal("8.85"));
    assertThat(entry.currency()).isEqualTo("EUR");
    assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
    assertThat(entry.payerName()).isEqualTo("NAME NAME");
    assertThat(entry.remittanceInformation()).isEqualTo("4654654654654654");
  }

  @Test
  void version8ReadsPartiesAndABookingDateWithTime() {
    BankStatement statement = single(parser.parse(resource("camt053.v8.xml")));

    StatementEntry entry = single(statement.entries());
    assertThat(entry.bankReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
    assertThat(entry.payerName()).isEqualTo("NAME NAME");
    assertThat(entry.payerIban()).isEqualTo("NL56AGDH9619008421");
    assertThat(entry.remittanceInformation()).isEqualTo("4654654654654654");
  }

  @ParameterizedTest
  @ValueSource(strings = {"05", "06"})
  void versions5And6ReadLikeVersion4(String version) {
    String xml = text("camt053.v4.xml").replace("camt.053.001.04", "camt.053.001." + version);

    StatementEntry entry = single(single(parser.parse(stream(xml))).entries());

    assertThat(entry.bankReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
    assertThat(entry.amount()).isEqualTo(new BigDecimal("8.85"));
    assertThat(entry.payerName()).isEqualTo("NAME NAME");
    assertThat(entry.remittanceInformation()).isEqualTo("4654654654654654");
  }

  @Test
  void version7ReadsLikeVersion8() {
    String xml = text("camt053.v8.xml").replace("camt.053.001.08", "camt.053.001.07");

    StatementEntry entry = single(single(parser.parse(stream(xml))).entries());

    assertThat(entry.bankReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
    assertThat(entry.payerName()).isEqualTo("NAME NAME");
  }

  @Test
  void aCustomerPayingAnInvoiceShowsTheInvoiceNumberInTheRemittance() {
    BankStatement statement = single(parser.parse(resource(ARCOLLECT_V8)));

    assertThat(statement.statementId()).isEqualTo("ARC-STMT-20130628");
    assertThat(statement.accountIban()).isEqualTo("DE89370400440532013000");
    assertThat(statement.entries().get(0)).isEqualTo(new StatementEntry(
        "BANKREF-0001",
        CreditDebit.CREDIT,
        new BigDecimal("1190.00"),
        "EUR",
        LocalDate.of(2013, 6, 28),
        LocalDate.of(2013, 6, 28),
        "ACME Industrial GmbH",
        "DE02120300000000202051",
        "Invoice INV-2013-0042"));
  }

  @Test
  void aBatchBecomesOnePaymentPerPayer() {
    List<StatementEntry> entries = single(parser.parse(resource(ARCOLLECT_V8))).entries();

    StatementEntry beta = entries.get(1);
    // EndToEndId NOTPROVIDED identifies nothing: statement id, entry 2, transaction 1
    assertThat(beta.bankReference()).isEqualTo("ARC-STMT-20130628/2/1");
    assertThat(beta.amount()).isEqualTo(new BigDecimal("100.00000"));
    assertThat(beta.payerName()).isEqualTo("Beta Logistics AG");
    assertThat(beta.payerIban()).isEqualTo("CH9300762011623852957");
    assertThat(beta.remittanceInformation()).isEqualTo("Invoice INV-2013-0043 and INV-2013-0044");
    StatementEntry gamma = entries.get(2);
    assertThat(gamma.bankReference()).isEqualTo("BANKREF-0002-B");
    assertThat(gamma.amount()).isEqualTo(new BigDecimal("200.12345"));
    assertThat(gamma.payerName()).isEqualTo("Gamma Retail SE");
    assertThat(gamma.payerIban()).isNull();
    assertThat(gamma.remittanceInformation()).isEqualTo("RF18539007547034");
  }

  @Test
  void theBanksFeeIsADebitWithoutPayerAndAPendingEntryIsNotImported() {
    List<StatementEntry> entries = single(parser.parse(resource(ARCOLLECT_V8))).entries();

    assertThat(entries).extracting(StatementEntry::bankReference).doesNotContain("BANKREF-0004");
    assertThat(entries.get(3)).isEqualTo(new StatementEntry(
        "BANKREF-0003",
        CreditDebit.DEBIT,
        new BigDecimal("15.50"),
        "EUR",
        LocalDate.of(2013, 6, 28),
        LocalDate.of(2013, 6, 30),
        null,
        null,
        null));
  }

  @Test
  void referencesAreUniqueAndTheSameOnEveryImport() {
    List<String> first = references(parser.parse(resource(ARCOLLECT_V8)));
    List<String> second = references(parser.parse(resource(ARCOLLECT_V8)));

    assertThat(first).containsExactly(
        "BANKREF-0001",
        "ARC-STMT-20130628/2/1",
        "BANKREF-0002-B",
        "BANKREF-0003",
        // two payers reused the end-to-end id PAYMENT
        "PAYMENT",
        "PAYMENT#2");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aTimeWithoutOffsetIsTheCompanysLocalTimeAndABookingTimeCountsOnItsOwnDate() {
    BankStatement statement = single(parser.parse(resource(ARCOLLECT_V8)));

    assertThat(statement.created()).isEqualTo(OffsetDateTime.of(2013, 6, 28, 18, 0, 0, 0, ZoneOffset.ofHours(2)));
    // booked 2013-06-28T23:30+02:00, which is already the 29th in UTC
    assertThat(statement.entries().get(4).bookingDate()).isEqualTo(LocalDate.of(2013, 6, 28));
  }

  @Test
  void aStatementMessageWithoutStatementIsRefused() {
    assertThatThrownBy(() -> parser.parse(resource("camt053.v2.wrong.xml")))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessage("This camt.053.001.02 file contains no statement (BkToCstmrStmt/Stmt is missing).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"camt054.v2.xml", "camt054.v8.xml"})
  void aDebitCreditNotificationIsNotAStatement(String notification) {
    assertThatThrownBy(() -> parser.parse(resource(notification)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessageStartingWith("This is a camt.054 debit/credit notification (camt.054.001.0")
        .hasMessageContaining("not a camt.053 bank statement");
  }

  @Test
  void aDocTypeWithAnExternalEntityIsRefusedWithoutReadingTheFile(@TempDir Path folder) throws IOException {
    Path secret = folder.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-PAYROLL-DATA");
    String xml = text("camt053.v2.multi.statement.xml")
        .replaceFirst("<Document", "<!DOCTYPE Document [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n<Document")
        .replace("Transaction Description 1", "&leak;");

    assertThatThrownBy(() -> parser.parse(stream(xml)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessageContaining("document type declaration (<!DOCTYPE")
        .hasMessageNotContaining("TOP-SECRET")
        .hasNoCause();
  }

  @Test
  void anExternalDtdIsNeverFetched() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] dtd = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, dtd.length);
      exchange.getResponseBody().write(dtd);
      exchange.close();
    });
    server.start();
    try {
      String dtdUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/statement.dtd";
      String xml = text("camt053.v2.minimal.xml")
          .replaceFirst("<Document", "<!DOCTYPE Document SYSTEM \"" + dtdUrl + "\">\n<Document");

      assertThatThrownBy(() -> parser.parse(stream(xml)))
          .isInstanceOf(BankStatementFormatException.class)
          .hasMessageContaining("DOCTYPE");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFileThatIsNotXmlIsRefused() {
    assertThatThrownBy(() -> parser.parse(stream("Date;Amount;Text\n2013-06-28;1190.00;INV-2013-0042\n")))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessage("The file is not well-formed XML (line 1, column 1): Content is not allowed in prolog."
            + " A camt.053 bank statement is an XML file.");
    assertThatThrownBy(() -> parser.parse(stream("")))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessageStartingWith("The file is empty.");
  }

  @Test
  void xmlThatIsNoIso20022DocumentIsRefused() {
    assertThatThrownBy(() -> parser.parse(stream("<Invoice><Nb>INV-2013-0042</Nb></Invoice>")))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessage("This is not a camt.053 bank statement: the XML starts with <Invoice> instead of an ISO 20022"
            + " <Document>.");
    assertThatThrownBy(() -> parser.parse(stream("<Document><BkToCstmrStmt/></Document>")))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessageContaining("has no ISO 20022 namespace");
  }

  @Test
  void anotherIsoMessageIsNotAStatement() {
    String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>";

    assertThatThrownBy(() -> parser.parse(stream(xml)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessageStartingWith("This is an ISO 20022 pain.001.001.03 message, not a camt.053 bank statement.");
  }

  @Test
  void aNewerStatementVersionIsNamedAsUnsupported() {
    String xml = text("camt053.v8.xml").replace("camt.053.001.08", "camt.053.001.09");

    assertThatThrownBy(() -> parser.parse(stream(xml)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessage("This bank statement is in camt.053.001.09, a version ArCollect cannot read."
            + " ArCollect imports bank statements in camt.053.001.02 to camt.053.001.08.");
  }

  @Test
  void anEntryWithoutAmountNamesTheEntryAndTheElement() {
    String xml = text("camt053.v2.minimal.xml").replace("<Amt Ccy=\"EUR\">8.85</Amt>", "");

    assertThatThrownBy(() -> parser.parse(stream(xml)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessage("In this camt.053.001.02 file, entry 1 of statement 253EURNL26VAYB8060476890 has no valid amount"
            + " (Ntry/Amt).");
  }

  @Test
  void anAmountThatIsNoNumberIsRefused() {
    String xml = text("camt053.v2.minimal.xml").replace(">8.85</Amt>", ">8,85</Amt>");

    assertThatThrownBy(() -> parser.parse(stream(xml)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessageContaining("entry 1 of statement 253EURNL26VAYB8060476890 has no valid amount (Ntry/Amt)");
  }

  @Test
  void aStatementWithoutAccountIsRefused() {
    String xml = text("camt053.v2.minimal.xml").replaceAll("(?s)<Acct>.*?</Acct>", "");

    assertThatThrownBy(() -> parser.parse(stream(xml)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessage("In this camt.053.001.02 file, statement 253EURNL26VAYB8060476890 names no account"
            + " (Stmt/Acct/Id/IBAN or Stmt/Acct/Id/Othr/Id).");
  }

  @Test
  void anEntryThatIsNeitherCreditNorDebitIsRefused() {
    String xml = text("camt053.v2.minimal.xml")
        .replaceFirst("(?s)(<Ntry>.*?)<CdtDbtInd>CRDT</CdtDbtInd>", "$1<CdtDbtInd>BOTH</CdtDbtInd>");

    assertThatThrownBy(() -> parser.parse(stream(xml)))
        .isInstanceOf(BankStatementFormatException.class)
        .hasMessageContaining("entry 1 of statement 253EURNL26VAYB8060476890 does not say whether it is a credit or a"
            + " debit (Ntry/CdtDbtInd)");
  }

  private static List<String> references(List<BankStatement> statements) {
    return statements.stream().flatMap(statement -> statement.entries().stream())
        .map(StatementEntry::bankReference)
        .toList();
  }

  private static <T> T single(List<T> values) {
    assertThat(values).hasSize(1);
    return values.get(0);
  }

  private static InputStream resource(String name) {
    InputStream stream = BankStatementParserTest.class.getResourceAsStream("/camt/" + name);
    assertThat(stream).as(name).isNotNull();
    return stream;
  }

  private static String text(String name) {
    try (InputStream stream = resource(name)) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
