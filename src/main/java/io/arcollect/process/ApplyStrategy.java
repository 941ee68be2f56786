package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.TalkingPoints;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Apply strategy": the strategy decision's outputs become the case's variables (the
 * candidate group, timers, forms and task priorities and due dates read them) and the case record notes grade,
 * strategy and the escalation days (days to formal notice and to legal referral, which only Java steps read).
 */
@Component("applyStrategy")
class ApplyStrategy implements JavaDelegate {

  /** Strategy outputs this step turns into other variables: not kept as they are. */
  static final java.util.Set<String> NOT_KEPT = java.util.Set.of("talkingPoints", "firstChannel", "taskPriority",
      "daysToFormalNotice", "daysToLegalReferral");

  private final CaseProgress progress;
  private final TalkingPoints talkingPoints;
  private final Worklist worklist;

  ApplyStrategy(CaseProgress progress, TalkingPoints talkingPoints, Worklist worklist) {
    this.progress = progress;
    this.talkingPoints = talkingPoints;
    this.worklist = worklist;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> strategy = (Map<String, Object>) execution.getVariable("strategy");
    if (strategy == null) {
      throw new IllegalStateException("collection-strategy.dmn matched no rule for case " + CaseVariables.caseNumber(execution));
    }
    // what the model, forms and listeners read later; the talking point codes become talkingPointsText, the first
    // channel becomes automaticReminder and reminderChannel, the strategy's task priority is replaced by
    // worklist.dmn's below, the escalation days go to the case record: the decision's history keeps all of them
    strategy.forEach((name, value) -> {
      if (!NOT_KEPT.contains(name)) {
        execution.setVariable(name, value);
      }
    });
    execution.removeVariable("strategy");
    String firstChannel = (String) strategy.get("firstChannel");
    // phone calls and visits are personal: no automatic mail before them; a balance too small for a call
    // (worklist.dmn, minimum-call-balance) gets the automatic reminders only
    execution.setVariable("automaticReminder", "EMAIL".equals(firstChannel) || "LETTER".equals(firstChannel)
        || "SMS".equals(firstChannel) || worklist.belowCallMinimum(execution));
    // the friendly reminder goes by SMS when the strategy says so (Connect SMS step), else by email
    execution.setVariable("reminderChannel", "SMS".equals(firstChannel) ? "SMS" : "EMAIL");
    // the worklist's priority (worklist.dmn, task-priority) replaces the strategy's; each task works it out again
    execution.setVariable("taskPriority", worklist.priority(execution));
    execution.setVariable("talkingPointsText", talkingPoints.describe((String) strategy.get("talkingPoints")));
    // the escalation days only Java steps read (Count follow-up, Prepare demand letter): on the case record
    progress.strategyChosen(CaseVariables.caseNumber(execution), (String) execution.getVariable("creditGrade"),
        (String) strategy.get("strategyName"), (String) strategy.get("owningDepartment"),
        days(strategy.get("daysToFormalNotice")), days(strategy.get("daysToLegalReferral")));
  }

  private static Integer days(Object output) {
    return output == null ? null : ((Number) output).intValue();
  }
}
