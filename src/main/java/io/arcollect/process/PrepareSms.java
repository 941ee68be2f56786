package io.arcollect.process;

import io.arcollect.outreach.CustomerOutreach;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** customer-contact.bpmn, "Write SMS": the gateway call's URL, authorization and body, or smsReady = false. */
@Component("prepareSms")
class PrepareSms implements JavaDelegate {

  private final CustomerOutreach outreach;

  PrepareSms(CustomerOutreach outreach) {
    this.outreach = outreach;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var call = outreach.sms(ContactVariables.request(execution));
    execution.setVariable("smsReady", call.isPresent());
    call.ifPresent(sms -> {
      execution.setVariable("smsUrl", sms.url());
      execution.setVariable("smsAuthorization", sms.authorization());
      execution.setVariable("smsBody", sms.body());
    });
  }
}
