package io.arcollect.process;

import io.arcollect.ledger.ExchangeRates;
import io.arcollect.system.UserError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A case's amount in the company currency, which the worklist decisions (worklist.dmn) compare against, through the
 * ledger's exchange rates. A missing rate does not stop the case: the worklist then uses the case's own amount, and
 * the log says so (once per currency).
 */
@Component
class CompanyCurrency {

  private static final Logger log = LoggerFactory.getLogger(CompanyCurrency.class);

  private final ExchangeRates rates;
  private final Set<String> missing = ConcurrentHashMap.newKeySet();

  CompanyCurrency(ExchangeRates rates) {
    this.rates = rates;
  }

  BigDecimal of(BigDecimal amount, String currency, LocalDate day) {
    if (amount == null || currency == null) {
      return amount;
    }
    try {
      return rates.toCompanyCurrency(amount, currency, day);
    } catch (UserError noRate) {
      if (missing.add(currency)) {
        log.warn("No exchange rate {} to {} for the worklist ({}): cases in {} are ranked by their own amount", currency,
            rates.companyCurrency(), noRate.getMessage(), currency);
      }
      return amount;
    }
  }
}
