package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Note joined invoice": the case's amounts after an invoice joined it. */
@Component("noteJoinedInvoice")
class NoteJoinedInvoice implements JavaDelegate {

  private final CaseProgress progress;

  NoteJoinedInvoice(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    execution.setVariable("outstandingAmount", progress.outstanding(caseNumber).doubleValue());
  }
}
