package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Write off invoices" (after finance approved it). */
@Component("writeOffInvoices")
class WriteOffInvoices implements JavaDelegate {

  private final CaseProgress progress;

  WriteOffInvoices(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the user who approved the write-off (the step runs in the approval's transaction) and the approval's notes
    execution.setVariable("writtenOffAmount", progress.writeOff(CaseVariables.caseNumber(execution),
        CaseVariables.currentUser(execution), CaseVariables.text(execution, "notes")).doubleValue());
  }
}
