package io.arcollect.process;

import io.arcollect.outreach.CustomerOutreach;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** customer-contact.bpmn, "Send email": the template as an email in the customer's language. */
@Component("emailContact")
class EmailContact implements JavaDelegate {

  private final CustomerOutreach outreach;

  EmailContact(CustomerOutreach outreach) {
    this.outreach = outreach;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outreach.email(ContactVariables.request(execution));
  }
}
