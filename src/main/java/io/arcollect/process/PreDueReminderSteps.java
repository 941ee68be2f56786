package io.arcollect.process;

import io.arcollect.outreach.PreDueReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of pre-due-reminders.bpmn. */
@Configuration
class PreDueReminderSteps {

  /** "Find invoices due soon": {@code preDueAccounts}, the accounts with invoices due soon not reminded yet. */
  @Bean
  JavaDelegate findInvoicesDueSoon(PreDueReminders reminders) {
    return execution -> execution.setVariable("preDueAccounts", new java.util.ArrayList<>(reminders.accountsWithInvoicesDueSoon()));
  }

  /** "Look at the customer": tier, payment figures and days until due, local to this customer's pass. */
  @Bean
  JavaDelegate assessPreDueCustomer(PreDueReminders reminders) {
    return execution -> {
      String account = (String) execution.getVariable("customerAccount");
      execution.setVariablesLocal(reminders.facts(account));
      // the decisions' results stay with this customer's pass too
      execution.setVariableLocal("creditGrade", null);
      execution.setVariableLocal("daysBeforeDue", null);
    };
  }

  /** "Send pre-due reminder": the invoices due within the decision's days, as one automatic contact. */
  @Bean
  JavaDelegate requestPreDueReminder(PreDueReminders reminders) {
    return (DelegateExecution execution) -> {
      Number days = (Number) execution.getVariable("daysBeforeDue");
      int invoices = reminders.request((String) execution.getVariable("customerAccount"), days.intValue(),
          execution.getProcessInstanceId());
      execution.setVariableLocal("invoicesReminded", invoices);
    };
  }
}
