package io.arcollect.casework;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's settings for every case (the strategy itself is in collection-strategy.dmn).
 *
 * @param cashPosition the company's own cash position, an input of the strategy: TIGHT, NORMAL or STRONG
 * @param maxFollowUps follow-up calls before a formal notice, whatever the strategy's days say
 * @param fourEyesThreshold instalment plans over this amount need a second finance approver
 * @param instalmentGraceDays days after an instalment's due date before it counts as missed
 * @param promiseGraceDays days after a promised date before the promise counts as broken
 * @param noticeDays the least time a formal notice gives the customer to pay
 */
@ConfigurationProperties(prefix = "arcollect.case")
public record CaseRules(@DefaultValue("NORMAL") String cashPosition, @DefaultValue("3") int maxFollowUps,
    @DefaultValue("10000") BigDecimal fourEyesThreshold, @DefaultValue("5") int instalmentGraceDays,
    @DefaultValue("1") int promiseGraceDays, @DefaultValue("14") int noticeDays) {

  public CaseRules {
    if (!java.util.Set.of("TIGHT", "NORMAL", "STRONG").contains(cashPosition)) {
      throw new IllegalArgumentException("arcollect.case.cash-position must be TIGHT, NORMAL or STRONG, not " + cashPosition);
    }
  }

  /** A formal notice follows when the follow-ups are used up or the oldest invoice is old enough. */
  public static boolean formalNoticeDue(int followUps, int maxFollowUps, int daysPastDue, int daysToFormalNotice) {
    return followUps > maxFollowUps || daysPastDue >= daysToFormalNotice;
  }
}
