package io.arcollect.ledger.camt;

import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;
import io.arcollect.system.BusinessClock;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads ISO 20022 camt.053 bank-to-customer statements, versions camt.053.001.02 to camt.053.001.08.
 *
 * <p>The XML is bound by Prowide ISO 20022 ({@code com.prowidesoftware:pw-iso20022}, Apache 2.0, on Maven Central),
 * the widely used open-source Java model of ISO 20022 that is generated from the official schemas and updated with
 * each SWIFT standards release. It was chosen over generating JAXB classes ourselves because the official XSDs are
 * not published on Maven Central and would otherwise have to be kept in this repository, one per version. Prowide
 * binds each version to its own classes, so one small reader per version ({@code Camt053V02} ...) copies the parts
 * ArCollect needs into a version-neutral form ({@link Camt053}), and the business rules live once, in
 * {@link BankStatementAssembly}. Before Prowide sees a file, {@link IsoDocument} checks it with the JDK's parser,
 * refusing any DOCTYPE (XML external entities) and naming the message type.
 */
@Component
public class BankStatementParser {

  private static final String CAMT_053 = "camt.053.";

  private static final Map<String, VersionReader> READERS = Map.of(
      "camt.053.001.02", Camt053V02::statements,
      "camt.053.001.03", Camt053V03::statements,
      "camt.053.001.04", Camt053V04::statements,
      "camt.053.001.05", Camt053V05::statements,
      "camt.053.001.06", Camt053V06::statements,
      "camt.053.001.07", Camt053V07::statements,
      "camt.053.001.08", Camt053V08::statements);

  private final ZoneId companyZone;

  public BankStatementParser(BusinessClock businessClock) {
    this.companyZone = businessClock.getZone();
  }

  /**
   * All statements of a camt.053 file, in document order.
   *
   * @throws BankStatementFormatException when the content is not a readable camt.053 statement of a supported
   *     version; the message tells a finance user what is wrong
   * @throws UncheckedIOException when the stream itself cannot be read
   */
  public List<BankStatement> parse(InputStream xml) {
    IsoDocument document = IsoDocument.read(readAll(xml));
    String messageType = document.messageType();
    VersionReader reader = READERS.get(messageType);
    if (reader == null) {
      throw new BankStatementFormatException(unsupported(messageType));
    }
    List<Camt053.Statement> statements;
    try {
      statements = reader.statements(document.xml(), readConfiguration());
    } catch (RuntimeException e) {
      throw new BankStatementFormatException(
          "This " + messageType + " file could not be read: " + e.getMessage() + ".", e);
    }
    if (statements == null) {
      throw new BankStatementFormatException(
          "This file could not be read as " + messageType + " (BkToCstmrStmt is missing or unreadable).");
    }
    if (statements.isEmpty()) {
      throw new BankStatementFormatException(
          "This " + messageType + " file contains no statement (BkToCstmrStmt/Stmt is missing).");
    }
    BankStatementAssembly assembly = new BankStatementAssembly(messageType);
    List<BankStatement> result = new ArrayList<>();
    for (int index = 0; index < statements.size(); index++) {
      result.add(assembly.statement(statements.get(index), index + 1));
    }
    return result;
  }

  private static String unsupported(String messageType) {
    String supported = "ArCollect imports bank statements in camt.053.001.02 to camt.053.001.08.";
    if (messageType.startsWith(CAMT_053)) {
      return "This bank statement is in " + messageType + ", a version ArCollect cannot read. " + supported;
    }
    if (messageType.startsWith("camt.054.")) {
      return "This is a camt.054 debit/credit notification (" + messageType + "), not a camt.053 bank statement. "
          + supported;
    }
    if (messageType.startsWith("camt.052.")) {
      return "This is a camt.052 intraday account report (" + messageType + "), not a camt.053 bank statement. "
          + supported;
    }
    return "This is an ISO 20022 " + messageType + " message, not a camt.053 bank statement. " + supported;
  }

  private static byte[] readAll(InputStream xml) {
    try (xml) {
      return xml.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The bank statement could not be read", e);
    }
  }

  private MxReadConfiguration readConfiguration() {
    MxReadConfiguration configuration = new MxReadConfiguration();
    configuration.adapters.dateTimeAdapter = new IsoDateTimeAdapter(new CompanyZoneDateTimes(companyZone));
    return configuration;
  }

  private interface VersionReader {
    List<Camt053.Statement> statements(String xml, MxReadConfiguration configuration);
  }

  /**
   * ISO date-times may leave out the offset; such a time is the bank's local time, taken in the company's zone
   * rather than the server's (Prowide's default).
   */
  private static final class CompanyZoneDateTimes extends XmlAdapter<String, OffsetDateTime> {

    private final ZoneId zone;

    CompanyZoneDateTimes(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public OffsetDateTime unmarshal(String value) {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(value.strip(), OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime dateTime
          ? dateTime
          : ((LocalDateTime) parsed).atZone(zone).toOffsetDateTime();
    }

    @Override
    public String marshal(OffsetDateTime value) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
  }
}
