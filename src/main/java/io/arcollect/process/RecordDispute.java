package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Put disputed invoices on hold": the invoices ticked in the call form (each checked to be
 * one of the case's) are marked disputed; the case keeps their numbers as text for the resolution.
 */
@Component("recordDispute")
class RecordDispute implements JavaDelegate {

  private final CaseProgress progress;

  RecordDispute(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object ticked = execution.getVariable("disputedInvoices");
    progress.recordDispute(CaseVariables.caseNumber(execution), ticked, CaseVariables.text(execution, "disputeReason"));
    execution.setVariable("disputedInvoices", String.join(", ", CaseProgress.invoiceNumbersOf(ticked)));
  }
}
