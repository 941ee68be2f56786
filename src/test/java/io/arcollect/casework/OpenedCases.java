package io.arcollect.casework;

import io.arcollect.ledger.OverdueItems;
import java.time.LocalDate;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests of other capabilities: opens one customer's case exactly as the aging sweep does. */
public final class OpenedCases {

  private OpenedCases() {}

  public static CollectionCase open(CaseOpening opening, OverdueItems overdue, TransactionTemplate transaction,
      long customerId, LocalDate today) {
    return transaction.execute(status -> opening.open(overdue.accounts(today, customerId - 1, 1).get(0),
        overdue.invoicesOf(List.of(customerId), today)));
  }
}
