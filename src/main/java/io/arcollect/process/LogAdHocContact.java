package io.arcollect.process;

import io.arcollect.casework.CaseContext;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case.bpmn, "Log contact" in the event sub-process "Ad-hoc contact": a call, note, promise or dispute
 * logged from the customer file (message CustomerContactLogged, its variables local to the sub-process) goes to the
 * contact log under the name of the person who logged it.
 */
@Component("logAdHocContact")
class LogAdHocContact implements JavaDelegate {

  private final CaseContext context;
  private final ContactLog contactLog;

  LogAdHocContact(CaseContext context, ContactLog contactLog) {
    this.context = context;
    this.contactLog = contactLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    String kind = CaseVariables.text(execution, "adHocKind");
    contactLog.record(new ContactAttempt(caseNumber, context.customerId(caseNumber),
        CaseVariables.text(execution, "adHocChannel"), "ad-hoc-" + kind.toLowerCase(Locale.ROOT), context.now(),
        CaseVariables.text(execution, "adHocBy"), CaseVariables.text(execution, "adHocOutcome"),
        CaseVariables.text(execution, "adHocNotes"), "Ad-hoc contact from the customer file",
        execution.getProcessInstanceId(), null));
  }
}
