package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.PromiseToPay;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Check promise against payments": kept or broken, from the money received. */
@Component("checkPromise")
class CheckPromise implements JavaDelegate {

  private final CaseProgress progress;

  CheckPromise(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    PromiseToPay promise = new PromiseToPay(CaseVariables.amount(execution, "promisedAmount"),
        LocalDate.parse(CaseVariables.text(execution, "promisedDate")),
        CaseVariables.amount(execution, "outstandingAtPromise"));
    var now = progress.outstanding(caseNumber);
    execution.setVariable("outstandingAmount", now.doubleValue());
    boolean kept = promise.isKeptBy(now);
    progress.promiseChecked(caseNumber, kept);
    execution.setVariable("promiseKept", kept);
  }
}
