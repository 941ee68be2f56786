package io.arcollect.process;

import io.arcollect.outreach.ContactRequest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The contact request as customer-contact.bpmn carries it in its variables. */
final class ContactVariables {

  /** The names of the template's detail variables, comma-separated. */
  static final String DETAIL_NAMES = "contactDetails";

  private ContactVariables() {}

  static ContactRequest request(DelegateExecution execution) {
    Map<String, String> details = new HashMap<>();
    String names = CaseVariables.text(execution, DETAIL_NAMES);
    if (names != null && !names.isBlank()) {
      for (String name : names.split(",")) {
        String value = CaseVariables.text(execution, name);
        if (value != null) {
          details.put(name, value);
        }
      }
    }
    return new ContactRequest(CaseVariables.caseNumber(execution), CaseVariables.text(execution, "customerAccount"),
        CaseVariables.text(execution, "channel"), CaseVariables.text(execution, "template"), details,
        execution.getProcessInstanceId());
  }
}
