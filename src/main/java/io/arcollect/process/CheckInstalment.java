package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.InstalmentPlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * payment-plan.bpmn, "Check payments against the plan": has the customer paid, in all since the plan began,
 * what is due up to this instalment? And is its grace period over?
 */
@Component("checkInstalment")
class CheckInstalment implements JavaDelegate {

  private final CaseProgress progress;

  CheckInstalment(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InstalmentPlan plan = PlanVariables.plan(execution);
    int payment = CaseVariables.number(execution, "loopCounter", 0);
    BigDecimal paid = CaseVariables.amount(execution, "outstandingAtPlanStart")
        .subtract(progress.outstanding(CaseVariables.caseNumber(execution)));
    LocalDate due = plan.dueDate(payment);
    Instant graceEnds = progress.graceEnds(due);
    execution.setVariableLocal("instalmentDueDate", due.toString());
    execution.setVariableLocal("amountDueInAll", plan.dueUpTo(payment).doubleValue());
    execution.setVariableLocal("instalmentPaid", paid.compareTo(plan.dueUpTo(payment)) >= 0);
    execution.setVariableLocal("graceEndsAt", Date.from(graceEnds));
    execution.setVariableLocal("graceOver", !progress.now().isBefore(graceEnds));
  }
}
