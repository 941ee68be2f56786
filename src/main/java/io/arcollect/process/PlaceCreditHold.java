package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Put customer on credit hold"; also fixes the notice's deadline date. */
@Component("placeCreditHold")
class PlaceCreditHold implements JavaDelegate {

  private final CaseProgress progress;

  PlaceCreditHold(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    progress.placeCreditHold(caseNumber);
    execution.setVariable("noticeDeadline",
        progress.deadline(CaseVariables.number(execution, "noticeDays", 14)).toString());
  }
}
