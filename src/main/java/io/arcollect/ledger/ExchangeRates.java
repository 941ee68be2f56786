package io.arcollect.ledger;

import io.arcollect.system.UserError;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Converts amounts into the company currency ({@code arcollect.company-currency}, default EUR) with the dated rates
 * of the exchange-rate table (ECB convention: units of a currency per euro; any pair converts through the euro). The
 * rate of a day is the latest one published on or up to {@code arcollect.exchange-rates.max-age-days} (default 7:
 * weekends and holidays have none) before it. A missing rate is refused with a {@link UserError} naming currency and
 * day, never taken as 1:1.
 */
@Service
public class ExchangeRates {

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private final JdbcTemplate jdbc;
  private final String companyCurrency;
  private final int maxAgeDays;

  ExchangeRates(JdbcTemplate jdbc, @Value("${arcollect.company-currency:EUR}") String companyCurrency,
      @Value("${arcollect.exchange-rates.max-age-days:7}") int maxAgeDays) {
    this.jdbc = jdbc;
    this.companyCurrency = checkedCurrency(companyCurrency.trim().toUpperCase(Locale.ROOT), "arcollect.company-currency");
    this.maxAgeDays = maxAgeDays;
  }

  /** The currency the company reports and decides in (ISO 4217). */
  public String companyCurrency() {
    return companyCurrency;
  }

  /** {@code amount} in {@code currency} on {@code date}, in the company currency, rounded to its minor unit. */
  public BigDecimal toCompanyCurrency(BigDecimal amount, String currency, LocalDate date) {
    return convert(amount, currency, companyCurrency, date);
  }

  /** {@code amount} from one currency into another on {@code date}, rounded to the target's minor unit. */
  public BigDecimal convert(BigDecimal amount, String from, String to, LocalDate date) {
    String source = from.toUpperCase(Locale.ROOT);
    String target = to.toUpperCase(Locale.ROOT);
    int scale = Math.max(0, Currency.getInstance(target).getDefaultFractionDigits());
    if (source.equals(target)) {
      return amount;
    }
    BigDecimal euros = amount.divide(unitsPerEuro(source, date), PRECISION);
    return euros.multiply(unitsPerEuro(target, date), PRECISION).setScale(scale, RoundingMode.HALF_UP);
  }

  /** The oldest rate date still used for {@code day}: a day without a rate uses the latest one up to this date. */
  public LocalDate oldestUsableRateDate(LocalDate day) {
    return day.minusDays(maxAgeDays);
  }

  /** How many units of {@code currency} one euro bought on {@code date} (1 for EUR), or a UserError. */
  public BigDecimal unitsPerEuro(String currency, LocalDate date) {
    if ("EUR".equals(currency)) {
      return BigDecimal.ONE;
    }
    List<BigDecimal> rate = jdbc.queryForList("select units_per_euro from exchange_rates where currency = ? "
        + "and rate_date <= ? and rate_date >= ? order by rate_date desc fetch first 1 rows only",
        BigDecimal.class, currency, date, oldestUsableRateDate(date));
    if (rate.isEmpty()) {
      throw UserError.conflict("There is no exchange rate for " + currency + " on " + date + " (nor in the "
          + maxAgeDays + " days before), so an amount in " + currency + " cannot be converted into "
          + companyCurrency + ". Import the ECB reference rates (POST /api/exchange-rates/import) or enter the rate "
          + "(PUT /api/exchange-rates/" + date + "/" + currency + ").");
    }
    return rate.get(0);
  }

  static String checkedCurrency(String code, String what) {
    try {
      Currency.getInstance(code);
      return code;
    } catch (IllegalArgumentException e) {
      throw UserError.badInput(what + " '" + code + "' is not an ISO 4217 currency code");
    }
  }
}
