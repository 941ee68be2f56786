package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.CaseProgress.DisputeResolution;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Apply dispute resolution": credit note, correction or the dispute lifted. */
@Component("resolveDispute")
class ResolveDispute implements JavaDelegate {

  private final CaseProgress progress;

  ResolveDispute(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal left = progress.resolveDispute(CaseVariables.caseNumber(execution),
        execution.getVariable("disputedInvoices"),
        DisputeResolution.valueOf(CaseVariables.text(execution, "disputeResolution")),
        CaseVariables.amount(execution, "creditAmount"), CaseVariables.currentUser(execution),
        CaseVariables.text(execution, "notes"));
    execution.setVariable("outstandingAmount", left.doubleValue());
  }
}
