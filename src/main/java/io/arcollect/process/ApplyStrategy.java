package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.TalkingPoints;
import io.arcollect.casework.TaskUrgency;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Apply strategy": the strategy decision's outputs become the case's variables (the
 * candidate group, timers and forms read them), with the urgency of its tasks (priority, days for a call), and the
 * case record notes grade and strategy.
 */
@Component("applyStrategy")
class ApplyStrategy implements JavaDelegate {

  private final CaseProgress progress;
  private final TalkingPoints talkingPoints;

  ApplyStrategy(CaseProgress progress, TalkingPoints talkingPoints) {
    this.progress = progress;
    this.talkingPoints = talkingPoints;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> strategy = (Map<String, Object>) execution.getVariable("strategy");
    if (strategy == null) {
      throw new IllegalStateException("collection-strategy.dmn matched no rule for case " + CaseVariables.caseNumber(execution));
    }
    execution.setVariables(strategy);
    execution.removeVariable("strategy");
    String firstChannel = (String) strategy.get("firstChannel");
    // phone calls and visits are personal: no automatic mail before them
    execution.setVariable("automaticReminder", "EMAIL".equals(firstChannel) || "LETTER".equals(firstChannel));
    execution.setVariable("talkingPointsText", talkingPoints.describe((String) strategy.get("talkingPoints")));
    execution.setVariables(TaskUrgency.of((String) execution.getVariable("creditGrade"),
        CaseVariables.number(execution, "daysPastDue", 0), CaseVariables.amount(execution, "overdueAmount").doubleValue(),
        CaseVariables.number(execution, "daysToFormalNotice", 30), CaseVariables.number(execution, "followUpIntervalDays", 7)));
    progress.strategyChosen(CaseVariables.caseNumber(execution), (String) execution.getVariable("creditGrade"),
        (String) strategy.get("strategyName"), (String) strategy.get("owningDepartment"));
  }
}
