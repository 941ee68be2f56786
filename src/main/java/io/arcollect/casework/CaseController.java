package io.arcollect.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class CaseController {

  record CaseView(String caseNumber, String customerAccount, String status, CaseStage stage, String strategy,
      String creditGrade, String owningDepartment, String currency, BigDecimal amountAtOpen,
      BigDecimal outstandingAmount, String outcome, Instant openedAt, Instant closedAt, String processInstanceId,
      java.time.LocalDate noticeDeadline) {

    static CaseView of(CollectionCase c) {
      return new CaseView(c.getCaseNumber(), c.getCustomerAccount(), c.getStatus().name(), c.getStage(), c.getStrategy(),
          c.getCreditGrade(), c.getOwningDepartment(), c.getCurrency(), c.getAmountAtOpen(), c.getOutstandingAmount(),
          c.getOutcome(), c.getOpenedAt(), c.getClosedAt(), c.getProcessInstanceId(), c.getNoticeDeadline());
    }
  }

  private final CollectionCaseRepository cases;
  private final CaseVisibility visibility;

  CaseController(CollectionCaseRepository cases, CaseVisibility visibility) {
    this.cases = cases;
    this.visibility = visibility;
  }

  /** Cases, newest first: {@code ?status=open} or {@code ?status=closed}; sales see theirs only (CaseVisibility). */
  @GetMapping("/api/cases")
  @Transactional(readOnly = true)
  List<CaseView> list(@RequestParam(defaultValue = "open") String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    CollectionCase.Status wanted;
    try {
      wanted = CollectionCase.Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be open or closed");
    }
    PageRequest pageRequest = io.arcollect.system.Paging.of(page, size, 1000);
    List<CollectionCase> found = visibility.visibleCases()
        .map(visible -> visible.isEmpty() ? List.<CollectionCase>of()
            : cases.findByStatusAndIdInOrderByOpenedAtDesc(wanted, visible, pageRequest))
        .orElseGet(() -> cases.findByStatusOrderByOpenedAtDesc(wanted, pageRequest));
    return found.stream().map(CaseView::of).toList();
  }

  @GetMapping("/api/cases/{caseNumber}")
  @Transactional(readOnly = true)
  CaseView get(@PathVariable String caseNumber) {
    return CaseView.of(visibility.find(caseNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseNumber)));
  }
}
