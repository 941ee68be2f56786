package io.arcollect.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that opens safely in a spreadsheet: a text cell starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe, so a customer name or a note can never run as a formula. Numbers stay numbers.
 */
public final class SpreadsheetCsv {

  private SpreadsheetCsv() {}

  public static String of(List<String> header, List<? extends List<?>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
      csv.printRecord(header.stream().map(SpreadsheetCsv::cell).toList());
      for (List<?> row : rows) {
        csv.printRecord(row.stream().map(SpreadsheetCsv::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** One cell as text, defused if a spreadsheet would read it as a formula. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value instanceof Map<?, ?> map
        ? map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))
        : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
