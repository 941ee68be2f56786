package io.arcollect.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file (UTF-8 CSV with a header row; ISO dates; '.' decimals; extra columns ignored) into
 * rows, each either parsed or rejected with a reason. Rows whose key appears more than once in the file
 * are all rejected: which of them is right is for the sender to say.
 */
final class CsvTable {

  record Parsed<T>(long line, T row) {}

  record Rows<T>(List<Parsed<T>> parsed, List<ImportReport.RejectedRow> rejected) {}

  /** Thrown by a row parser: the row is rejected with this reason. */
  static final class RowRejected extends RuntimeException {
    RowRejected(String reason) {
      super(reason, null, false, false);
    }
  }

  private CsvTable() {}

  static <T> Rows<T> read(InputStream body, List<String> columns, Function<Row, T> rowParser,
      Function<T, String> key, String keyName) {
    List<Parsed<T>> parsed = new ArrayList<>();
    List<ImportReport.RejectedRow> rejected = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<String, Integer> header = csv.getHeaderMap();
      if (header == null || header.isEmpty()) {
        throw ImportRejectedException.badFile("The file is empty. Expected a header row with the columns "
            + String.join(",", columns) + ".");
      }
      Set<String> present = header.keySet().stream().map(name -> name.trim().toLowerCase(Locale.ROOT))
          .collect(Collectors.toSet());
      List<String> missing = columns.stream().filter(column -> !present.contains(column)).toList();
      if (!missing.isEmpty()) {
        throw ImportRejectedException.badFile("Missing column(s) " + String.join(", ", missing)
            + ". Expected the header row " + String.join(",", columns) + " (extra columns are ignored).");
      }
      for (CSVRecord record : csv) {
        long line = record.getRecordNumber() + 1;
        try {
          parsed.add(new Parsed<>(line, rowParser.apply(new Row(record))));
        } catch (RowRejected e) {
          rejected.add(new ImportReport.RejectedRow(line, e.getMessage()));
        }
      }
    } catch (UncheckedIOException | IOException e) {
      Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
      if (cause instanceof CharacterCodingException) {
        throw ImportRejectedException.badFile("The file is not UTF-8 text.");
      }
      throw ImportRejectedException.badFile("The file is not readable CSV: " + cause.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ImportRejectedException.badFile("The file is not readable CSV: " + e.getMessage());
    }
    return new Rows<>(withoutDuplicateKeys(parsed, key, keyName, rejected), rejected);
  }

  private static <T> List<Parsed<T>> withoutDuplicateKeys(List<Parsed<T>> parsed, Function<T, String> key,
      String keyName, List<ImportReport.RejectedRow> rejected) {
    Map<String, List<Long>> linesByKey = new LinkedHashMap<>();
    parsed.forEach(row -> linesByKey.computeIfAbsent(key.apply(row.row()), k -> new ArrayList<>()).add(row.line()));
    List<Parsed<T>> unique = new ArrayList<>();
    for (Parsed<T> row : parsed) {
      List<Long> lines = linesByKey.get(key.apply(row.row()));
      if (lines.size() > 1) {
        rejected.add(new ImportReport.RejectedRow(row.line(), keyName + " " + key.apply(row.row())
            + " appears more than once in the file (lines " + lines.stream().map(String::valueOf)
            .collect(Collectors.joining(", ")) + ")"));
      } else {
        unique.add(row);
      }
    }
    rejected.sort(java.util.Comparator.comparingLong(ImportReport.RejectedRow::line));
    return unique;
  }

  /** One CSV row with typed, validating accessors; each failure names the column and the value. */
  static final class Row {
    private final CSVRecord record;

    Row(CSVRecord record) {
      this.record = record;
    }

    String optionalText(String column) {
      String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
      return value == null || value.isBlank() ? null : value.trim();
    }

    String text(String column) {
      String value = optionalText(column);
      if (value == null) {
        throw new RowRejected(column + " is empty");
      }
      return value;
    }

    String text(String column, int maxLength) {
      String value = text(column);
      if (value.length() > maxLength) {
        throw new RowRejected(column + " is longer than " + maxLength + " characters");
      }
      return value;
    }

    LocalDate date(String column) {
      return parseDate(column, text(column));
    }

    LocalDate optionalDate(String column) {
      String value = optionalText(column);
      return value == null ? null : parseDate(column, value);
    }

    BigDecimal amount(String column) {
      String value = text(column);
      BigDecimal amount;
      try {
        amount = new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw new RowRejected(column + " '" + value + "' is not a number (use '.' as decimal separator, no thousands separator)");
      }
      if (amount.signum() < 0) {
        throw new RowRejected(column + " " + value + " is negative");
      }
      if (amount.scale() > 5) {
        throw new RowRejected(column + " " + value + " has more than 5 decimals");
      }
      return amount;
    }

    BigDecimal optionalAmount(String column) {
      return optionalText(column) == null ? null : amount(column);
    }

    boolean flag(String column) {
      String value = optionalText(column);
      if (value == null) {
        return false;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1" -> true;
        case "false", "no", "n", "0" -> false;
        default -> throw new RowRejected(column + " '" + value + "' is not true/false");
      };
    }

    <E extends Enum<E>> E choice(String column, Class<E> type) {
      String value = text(column);
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new RowRejected(column + " '" + value + "' is not one of "
            + java.util.Arrays.toString(type.getEnumConstants()));
      }
    }

    String currency(String column) {
      String value = text(column).toUpperCase(Locale.ROOT);
      try {
        java.util.Currency.getInstance(value);
      } catch (IllegalArgumentException e) {
        throw new RowRejected(column + " '" + value + "' is not an ISO 4217 currency code");
      }
      return value;
    }

    private static LocalDate parseDate(String column, String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new RowRejected(column + " '" + value + "' is not an ISO date (YYYY-MM-DD)");
      }
    }
  }
}
