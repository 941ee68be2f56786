package io.arcollect.audit;

import io.arcollect.audit.TrailEntry.Kind;
import io.arcollect.casework.CaseInvoice;
import io.arcollect.casework.CollectionCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The first page of a case's file: who, which invoices, which strategy and why, the stages with their dates, how it
 * ended and what money came in or was written off. Built from the case record and its trail.
 */
record CaseSummary(String caseNumber, String customerAccount, String customerName, String currency, String status,
    String outcome, Instant openedAt, Instant closedAt, BigDecimal amountAtOpen, BigDecimal outstanding,
    List<CaseInvoice> invoices, String strategy, String creditGrade, String owningDepartment, String strategyBecause,
    Integer strategyVersion, List<Stage> stages, BigDecimal received, BigDecimal credited, BigDecimal writtenOff) {

  record Stage(String stage, Instant enteredAt, String cause) {}

  static CaseSummary of(CollectionCase c, String customerName, List<CaseInvoice> invoices, List<TrailEntry> trail) {
    TrailEntry strategy = trail.stream()
        .filter(e -> e.kind() == Kind.DECISION && "collection-strategy".equals(e.details().get("decisionDefinitionKey")))
        .reduce((first, last) -> last).orElse(null);
    String because = null;
    Integer version = null;
    if (strategy != null) {
      version = (Integer) strategy.details().get("version");
      because = ((List<?>) strategy.details().getOrDefault("matchedRules", List.of())).stream()
          .map(rule -> (Map<?, ?>) rule)
          .map(rule -> rule.get("description") != null ? String.valueOf(rule.get("description")) : "rule " + rule.get("id"))
          .reduce((a, b) -> a + " / " + b).orElse(null);
    }
    List<Stage> stages = trail.stream().filter(e -> e.kind() == Kind.STAGE)
        .map(e -> new Stage(e.subject(), e.at(), (String) e.details().get("cause"))).toList();
    BigDecimal received = sum(trail, Kind.PAYMENT, "allocatedToCase", null);
    BigDecimal credited = sum(trail, Kind.ADJUSTMENT, "amount", "CREDIT_NOTE").add(sum(trail, Kind.ADJUSTMENT, "amount", "CORRECTION"));
    BigDecimal writtenOff = sum(trail, Kind.ADJUSTMENT, "amount", "WRITE_OFF");
    return new CaseSummary(c.getCaseNumber(), c.getCustomerAccount(), customerName, c.getCurrency(),
        c.getStatus().name(), c.getOutcome(), c.getOpenedAt(), c.getClosedAt(), c.getAmountAtOpen(),
        c.getOutstandingAmount(), invoices, c.getStrategy(), c.getCreditGrade(), c.getOwningDepartment(), because,
        version, stages, received, credited, writtenOff);
  }

  private static BigDecimal sum(List<TrailEntry> trail, Kind kind, String amount, String adjustmentKind) {
    return trail.stream().filter(e -> e.kind() == kind)
        .filter(e -> adjustmentKind == null || adjustmentKind.equals(e.details().get("kind")))
        .map(e -> e.details().get(amount)).filter(java.util.Objects::nonNull)
        .map(value -> new BigDecimal(value.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
