package io.arcollect.process;

import io.arcollect.casework.AgingSweep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** aging-sweep.bpmn, "Open cases for overdue accounts". */
@Component("openOverdueCases")
class OpenOverdueCases implements JavaDelegate {

  private final AgingSweep sweep;

  OpenOverdueCases(AgingSweep sweep) {
    this.sweep = sweep;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgingSweep.Result result = sweep.run();
    execution.setVariable("casesOpened", result.casesOpened());
    execution.setVariable("invoicesJoined", result.invoicesJoined());
  }
}
