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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the ECB's euro foreign exchange reference rates as the ECB publishes them: the daily file
 * ({@code eurofxref.csv}: {@code Date, USD, JPY, ...} and one row dated {@code 04 December 2026}) or the history
 * ({@code eurofxref-hist.csv}: ISO dates, one row per day, newest first). A cell {@code N/A} means the ECB did not
 * quote that currency that day. An empty cell (a missing rate), anything else that is not a positive number, a column that is not a
 * currency code or a row without a readable date refuses the whole file (400, naming line and column): nothing is
 * stored. Rates already stored for a day and currency are replaced by the file's.
 */
@Service
class ExchangeRateImport {

  record Report(int days, int rates, int added, int changed, int unchanged, LocalDate from, LocalDate to,
      List<String> currenciesInUseWithoutRate) {}

  record Rate(String currency, LocalDate date, BigDecimal unitsPerEuro) {}

  private static final DateTimeFormatter ECB_DAILY_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ExchangeRates rates;

  ExchangeRateImport(JdbcTemplate jdbc, Clock clock, ExchangeRates rates) {
    this.rates = rates;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public Report importEcbCsv(InputStream body, String source) {
    List<Rate> rates = parse(body);
    Set<LocalDate> days = new TreeSet<>();
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    for (Rate rate : rates) {
      days.add(rate.date());
      switch (store(rate, source)) {
        case ADDED -> added++;
        case CHANGED -> changed++;
        case UNCHANGED -> unchanged++;
      }
    }
    LocalDate from = days.isEmpty() ? null : ((TreeSet<LocalDate>) days).first();
    LocalDate to = days.isEmpty() ? null : ((TreeSet<LocalDate>) days).last();
    return new Report(days.size(), rates.size(), added, changed, unchanged, from, to, currenciesInUseWithoutRate(to));
  }

  enum Stored { ADDED, CHANGED, UNCHANGED }

  /** Stores one rate (insert or replace). */
  Stored store(Rate rate, String source) {
    List<BigDecimal> existing = jdbc.queryForList(
        "select units_per_euro from exchange_rates where currency = ? and rate_date = ?", BigDecimal.class,
        rate.currency(), rate.date());
    Timestamp now = Timestamp.from(clock.instant());
    if (existing.isEmpty()) {
      jdbc.update("insert into exchange_rates (currency, rate_date, units_per_euro, source, recorded_at) values (?, ?, ?, ?, ?)",
          rate.currency(), rate.date(), rate.unitsPerEuro(), source, now);
      return Stored.ADDED;
    }
    if (existing.get(0).compareTo(rate.unitsPerEuro()) == 0) {
      return Stored.UNCHANGED;
    }
    jdbc.update("update exchange_rates set units_per_euro = ?, source = ?, recorded_at = ? where currency = ? and rate_date = ?",
        rate.unitsPerEuro(), source, now, rate.currency(), rate.date());
    return Stored.CHANGED;
  }

  /** Currencies of customers and open invoices that have no rate on the newest day of the file. */
  private List<String> currenciesInUseWithoutRate(LocalDate day) {
    if (day == null) {
      return List.of();
    }
    return jdbc.queryForList("select distinct c from (select currency c from customers union select currency c from invoices "
        + "where status = 'OPEN') used where c <> 'EUR' and c not in (select currency from exchange_rates where rate_date <= ? "
        + "and rate_date >= ?) order by c", String.class, day, rates.oldestUsableRateDate(day));
  }

  static List<Rate> parse(InputStream body) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    List<Rate> rates = new ArrayList<>();
    try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<Integer, String> currencies = null;
      Set<LocalDate> seen = new TreeSet<>();
      for (CSVRecord record : csv) {
        long line = record.getRecordNumber();
        if (currencies == null) {
          currencies = header(record);
          continue;
        }
        LocalDate date = date(record.get(0), line);
        if (!seen.add(date)) {
          throw ImportRejectedException.badFile("Line " + line + ": the date " + date + " appears a second time.");
        }
        for (Map.Entry<Integer, String> column : currencies.entrySet()) {
          String value = column.getKey() < record.size() ? record.get(column.getKey()).trim() : "";
          if (value.isEmpty()) {
            throw ImportRejectedException.badFile("Line " + line + ", " + column.getValue() + ": the rate is missing "
                + "(the ECB writes N/A for a currency it did not quote that day).");
          }
          if (value.equalsIgnoreCase("N/A")) {
            continue;
          }
          rates.add(new Rate(column.getValue(), date, rate(value, line, column.getValue())));
        }
      }
      if (currencies == null) {
        throw ImportRejectedException.badFile("The file is empty. Expected the ECB reference rates: a header row "
            + "'Date, USD, JPY, ...' and a row per day.");
      }
      if (rates.isEmpty()) {
        throw ImportRejectedException.badFile("The file holds no rate: every row after the header is missing or N/A.");
      }
    } catch (UncheckedIOException | IOException e) {
      Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
      if (cause instanceof CharacterCodingException) {
        throw ImportRejectedException.badFile("The file is not UTF-8 text.");
      }
      throw ImportRejectedException.badFile("The file is not readable CSV: " + cause.getMessage());
    } catch (IllegalStateException e) {
      throw ImportRejectedException.badFile("The file is not readable CSV: " + e.getMessage());
    }
    return rates;
  }

  private static Map<Integer, String> header(CSVRecord record) {
    if (record.size() == 0 || !record.get(0).trim().equalsIgnoreCase("Date")) {
      throw ImportRejectedException.badFile("Line 1 must be the ECB header 'Date, USD, JPY, ...' (eurofxref.csv or "
          + "eurofxref-hist.csv), not '" + String.join(",", record.toList()) + "'.");
    }
    Map<Integer, String> currencies = new LinkedHashMap<>();
    for (int i = 1; i < record.size(); i++) {
      String code = record.get(i).trim().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue; // the ECB ends every line with a comma
      }
      try {
        Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        // the history names currencies the euro replaced or ISO retired (CYP, ROL, TRL, ...): those are codes too
        if (!code.matches("[A-Z]{3}")) {
          throw ImportRejectedException.badFile("Line 1, column " + (i + 1) + ": '" + record.get(i)
              + "' is not a currency code.");
        }
      }
      if (code.equals("EUR")) {
        throw ImportRejectedException.badFile("Line 1, column " + (i + 1) + ": EUR is the base of the ECB rates (1 EUR = ...), "
            + "not a column.");
      }
      if (currencies.containsValue(code)) {
        throw ImportRejectedException.badFile("Line 1: the column " + code + " appears twice.");
      }
      currencies.put(i, code);
    }
    if (currencies.isEmpty()) {
      throw ImportRejectedException.badFile("Line 1 names no currency: expected 'Date, USD, JPY, ...'.");
    }
    return currencies;
  }

  private static LocalDate date(String value, long line) {
    String text = value.trim();
    try {
      return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : LocalDate.parse(text, ECB_DAILY_DATE);
    } catch (DateTimeParseException e) {
      throw ImportRejectedException.badFile("Line " + line + ": '" + value + "' is not a date (2026-12-04 or "
          + "04 December 2026).");
    }
  }

  private static BigDecimal rate(String value, long line, String currency) {
    BigDecimal rate;
    try {
      rate = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw ImportRejectedException.badFile("Line " + line + ", " + currency + ": '" + value
          + "' is not a rate (units of " + currency + " per euro, '.' as decimal separator; N/A when not quoted).");
    }
    if (rate.signum() <= 0) {
      throw ImportRejectedException.badFile("Line " + line + ", " + currency + ": the rate " + value + " is not above zero.");
    }
    if (rate.scale() > 8 || rate.precision() - rate.scale() > 11) {
      throw ImportRejectedException.badFile("Line " + line + ", " + currency + ": the rate " + value + " is out of range.");
    }
    return rate;
  }
}
