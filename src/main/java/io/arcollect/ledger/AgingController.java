package io.arcollect.ledger;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgingController {

  private final AgingReport aging;
  private final Clock clock;

  AgingController(AgingReport aging, Clock clock) {
    this.aging = aging;
    this.clock = clock;
  }

  /** Open amounts per customer by days past due, as of the business date (or {@code ?asOf=}). */
  @GetMapping("/api/reports/aging")
  @org.springframework.security.access.prepost.PreAuthorize(LedgerAccess.EVERY_CUSTOMER)
  AgingReport.Report aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(defaultValue = "1000") int limit) {
    return aging.asOf(asOf != null ? asOf : LocalDate.now(clock), io.arcollect.system.Paging.size(limit, 100_000, "limit"));
  }
}
