package io.arcollect.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The customer promised to pay {@code amount} by {@code date}. Kept or broken is decided from real money:
 * what the case's outstanding amount went down by since the promise.
 */
public record PromiseToPay(BigDecimal amount, LocalDate date, BigDecimal outstandingAtPromise) {

  public PromiseToPay {
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException("A promise to pay needs an amount above zero");
    }
    if (date == null) {
      throw new IllegalArgumentException("A promise to pay needs a date");
    }
  }

  public boolean isKeptBy(BigDecimal outstandingNow) {
    return outstandingAtPromise.subtract(outstandingNow).compareTo(amount) >= 0;
  }
}
