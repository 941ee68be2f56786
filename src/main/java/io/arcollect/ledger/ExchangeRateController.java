package io.arcollect.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The exchange-rate table: ECB file import and single rates (finance), rates and conversions (everyone logged in). */
@RestController
@RequestMapping("/api/exchange-rates")
class ExchangeRateController {

  record RateInput(BigDecimal perEuro) {}

  record RateView(String currency, LocalDate date, BigDecimal perEuro, String source) {}

  record RatesView(String companyCurrency, LocalDate date, List<RateView> rates) {}

  record Conversion(BigDecimal amount, String currency, LocalDate date, BigDecimal companyAmount,
      String companyCurrency) {}

  private final ExchangeRateImport rateImport;
  private final ExchangeRates rates;
  private final ImportLimits limits;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ExchangeRateController(ExchangeRateImport rateImport, ExchangeRates rates, ImportLimits limits, JdbcTemplate jdbc,
      Clock clock) {
    this.rateImport = rateImport;
    this.rates = rates;
    this.limits = limits;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The ECB reference rates as CSV (eurofxref.csv or eurofxref-hist.csv, unzipped). */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
  @PreAuthorize(LedgerAccess.FINANCE)
  ExchangeRateImport.Report importCsv(HttpServletRequest request) throws IOException {
    return rateImport.importEcbCsv(limits.limit(request.getInputStream(), request.getContentLengthLong()), "ECB");
  }

  /** One rate entered by hand: {"perEuro": 162.35} = one euro buys 162.35 units of the currency on that day. */
  @PutMapping("/{date}/{currency}")
  @PreAuthorize(LedgerAccess.FINANCE)
  @Transactional
  RateView put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @PathVariable String currency, @RequestBody RateInput input, Authentication caller) {
    String code = ExchangeRates.checkedCurrency(currency.toUpperCase(Locale.ROOT), "Currency");
    if (code.equals("EUR")) {
      throw io.arcollect.system.UserError.badInput("EUR is the base of the rates (one euro buys ...): it has no rate of its own.");
    }
    if (input == null || input.perEuro() == null || input.perEuro().signum() <= 0) {
      throw io.arcollect.system.UserError.badInput("perEuro must be a number above zero: how many " + code
          + " one euro buys on " + date + ".");
    }
    if (input.perEuro().scale() > 8 || input.perEuro().precision() - input.perEuro().scale() > 11) {
      throw io.arcollect.system.UserError.badInput("perEuro " + input.perEuro() + " is out of range.");
    }
    rateImport.store(new ExchangeRateImport.Rate(code, date, input.perEuro()), caller.getName());
    return new RateView(code, date, input.perEuro(), caller.getName());
  }

  /** The rate of every currency valid on {@code date} (default: the business date). */
  @GetMapping
  RatesView rates(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    List<RateView> valid = jdbc.query("select r.currency, r.rate_date, r.units_per_euro, r.source from exchange_rates r "
        + "where r.rate_date = (select max(x.rate_date) from exchange_rates x where x.currency = r.currency and x.rate_date <= ? "
        + "and x.rate_date >= ?) order by r.currency",
        (row, n) -> new RateView(row.getString(1), row.getObject(2, LocalDate.class), row.getBigDecimal(3).stripTrailingZeros(),
            row.getString(4)), day, rates.oldestUsableRateDate(day));
    return new RatesView(rates.companyCurrency(), day, valid);
  }

  /** {@code amount} in {@code currency} on {@code date} in the company currency (409 when there is no rate). */
  @GetMapping("/convert")
  Conversion convert(@RequestParam BigDecimal amount, @RequestParam String currency,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    String code = ExchangeRates.checkedCurrency(currency.toUpperCase(Locale.ROOT), "currency");
    return new Conversion(amount, code, day, rates.toCompanyCurrency(amount, code, day), rates.companyCurrency());
  }
}
