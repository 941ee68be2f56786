package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.PromiseToPay;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case.bpmn, "Record promise to pay": when the promise is checked against the money received. */
@Component("recordPromise")
class RecordPromise implements JavaDelegate {

  private final CaseProgress progress;

  RecordPromise(CaseProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    PromiseToPay promise = new PromiseToPay(CaseVariables.amount(execution, "promisedAmount"),
        LocalDate.parse(CaseVariables.text(execution, "promisedDate")), progress.outstanding(caseNumber));
    progress.promiseMade(caseNumber, promise);
    execution.setVariable("outstandingAtPromise", promise.outstandingAtPromise().doubleValue());
    execution.setVariable("promiseCheckAt", Date.from(progress.promiseCheckTime(promise)));
  }
}
