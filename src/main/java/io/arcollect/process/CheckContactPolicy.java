package io.arcollect.process;

import io.arcollect.outreach.ContactPolicy;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** customer-contact.bpmn, "Check contact policy": SEND, POSTPONE (until {@code sendAt}) or SKIP. */
@Component("checkContactPolicy")
class CheckContactPolicy implements JavaDelegate {

  private final ContactPolicy policy;

  CheckContactPolicy(ContactPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContactPolicy.Decision decision = policy.check(ContactVariables.request(execution));
    execution.setVariable("contactDecision", decision.verdict().name());
    execution.setVariable("sendAt", decision.sendAt() == null ? null : Date.from(decision.sendAt()));
    execution.setVariable("policyReason", decision.reason());
  }
}
