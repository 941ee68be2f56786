package io.arcollect.process;

import io.arcollect.casework.ContactRequested;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every automatic contact a case asks for becomes a customer-contact process (business key = case number),
 * started in the case's own transaction: the request is kept if and only if the case step is. The process
 * waits at its first task, so the contact itself runs later, outside the case's transaction.
 */
@Component
class StartCustomerContact {

  static final String PROCESS = "customer-contact";

  private final RuntimeService runtime;
  private final IdentityService identity;

  StartCustomerContact(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @EventListener
  void on(ContactRequested request) {
    Map<String, String> details = new HashMap<>(request.details());
    // when the case asked: the contact policy checks again at send time whether the message still makes sense
    details.putIfAbsent("requestedAt", request.requestedAt().toString());
    Map<String, Object> variables = new HashMap<>(details);
    variables.put(ContactVariables.DETAIL_NAMES, String.join(",", new java.util.TreeSet<>(details.keySet())));
    variables.put("caseNumber", request.caseNumber());
    variables.put("customerAccount", request.customerAccount());
    variables.put("channel", request.channel());
    variables.put("template", request.template());
    variables.put("requestedBy", request.processInstanceId());
    AsEngine.call(identity, () -> runtime.startProcessInstanceByKey(PROCESS, request.caseNumber(), variables));
  }
}
