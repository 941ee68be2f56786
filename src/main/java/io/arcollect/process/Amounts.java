package io.arcollect.process;

import io.arcollect.casework.CaseContext;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Amounts in task names, as {@code ${amounts.show(currency, outstandingAmount)}}: "USD 1,234.50". */
@Component("amounts")
public class Amounts {

  public String show(String currency, Object amount) {
    if (amount == null) {
      return "";
    }
    return (currency == null ? "" : currency + " ") + CaseContext.money(new BigDecimal(amount.toString()));
  }
}
