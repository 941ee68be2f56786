package io.arcollect.process;

import io.arcollect.outreach.CustomerOutreach;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** customer-contact.bpmn, "Log SMS": the gateway's answer into the contact log. */
@Component("recordSmsSent")
class RecordSmsSent implements JavaDelegate {

  private final CustomerOutreach outreach;

  RecordSmsSent(CustomerOutreach outreach) {
    this.outreach = outreach;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outreach.smsSent(ContactVariables.request(execution), CaseVariables.number(execution, "smsStatus", 0),
        CaseVariables.text(execution, "smsResponse"));
  }
}
