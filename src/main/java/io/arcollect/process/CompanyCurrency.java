package io.arcollect.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A case's amount in the company currency, which the worklist decisions (worklist.dmn) compare against: through
 * the ledger's {@code io.arcollect.ledger.ExchangeRates} when the application has it, otherwise the case's own
 * amount. A missing rate does not stop the case: the case's own amount is used and the gap is logged.
 *
 * <p>The exchange rates come from another part of the application that is merged separately; until then they are
 * looked up by name, so this class compiles and works with or without them.
 */
@Component
class CompanyCurrency {

  private static final Logger log = LoggerFactory.getLogger(CompanyCurrency.class);

  private final ApplicationContext context;

  CompanyCurrency(ApplicationContext context) {
    this.context = context;
  }

  BigDecimal of(BigDecimal amount, String currency, LocalDate day) {
    if (amount == null || currency == null || !context.containsBean("exchangeRates")) {
      return amount;
    }
    Object rates = context.getBean("exchangeRates");
    try {
      Method convert = rates.getClass().getMethod("toCompanyCurrency", BigDecimal.class, String.class, LocalDate.class);
      return (BigDecimal) convert.invoke(rates, amount, currency, day);
    } catch (InvocationTargetException e) {
      log.warn("No company-currency amount for {} {} on {} ({}); the worklist uses the case's own amount", currency,
          amount, day, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      return amount;
    } catch (ReflectiveOperationException e) {
      return amount;
    }
  }
}
