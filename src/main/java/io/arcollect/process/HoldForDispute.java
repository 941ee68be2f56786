package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Hold escalation for the dispute": every open invoice is disputed, so the case waits for
 * the dispute's resolution instead of a demand letter or a legal referral. The resolution task gets the disputed
 * invoices and what the customer disputes.
 */
@Component("holdForDispute")
class HoldForDispute implements JavaDelegate {

  private final CaseProgress progress;

  HoldForDispute(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> disputes = progress.openDisputes(CaseVariables.caseNumber(execution));
    execution.setVariable("disputedInvoices", String.join(", ", disputes.keySet()));
    execution.setVariable("disputeReason", disputes.values().stream().filter(reason -> !reason.isBlank()).distinct()
        .collect(Collectors.joining("; ")));
  }
}
