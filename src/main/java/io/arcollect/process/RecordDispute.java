package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Put disputed invoices on hold". */
@Component("recordDispute")
class RecordDispute implements JavaDelegate {

  private final CaseProgress progress;

  RecordDispute(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    progress.recordDispute(CaseVariables.caseNumber(execution), CaseVariables.text(execution, "disputedInvoices"),
        CaseVariables.text(execution, "disputeReason"));
  }
}
