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
    execution.setVariable("remindersOnly", result.remindersOnly());
    execution.setVariable("accountsWaiting", result.waiting());
    if (!result.notDecided().isEmpty()) {
      // every other account was swept (each page in its own transaction); these become an incident with the reason
      throw new io.arcollect.system.UserError(org.springframework.http.HttpStatus.CONFLICT, result.notDecided().size()
          + " overdue account(s) could not be decided by case-opening.dmn: " + result.notDecided().stream()
              .limit(5).map(n -> n.customerAccount() + ": " + n.reason())
              .collect(java.util.stream.Collectors.joining(" | ")));
    }
  }
}
