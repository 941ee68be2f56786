package io.arcollect.process;

import io.arcollect.outreach.CustomerOutreach;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** customer-contact.bpmn, "Send letter": the PDF letter, stored with the case and emailed. */
@Component("sendLetter")
class SendLetter implements JavaDelegate {

  private final CustomerOutreach outreach;

  SendLetter(CustomerOutreach outreach) {
    this.outreach = outreach;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outreach.letter(ContactVariables.request(execution));
  }
}
