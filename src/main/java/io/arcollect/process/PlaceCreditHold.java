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
    // one deadline, fixed now (at approval): the letter says it, the case record keeps it, the timer runs to its end
    java.time.LocalDate deadline = progress.fixNoticeDeadline(caseNumber, CaseVariables.number(execution, "noticeDays", 14));
    execution.setVariable("noticeDeadline", deadline.toString());
    execution.setVariable("noticeDeadlinePassesAt", java.util.Date.from(progress.endOf(deadline)));
  }
}
