package io.arcollect.process;

import io.arcollect.casework.CaseContext;
import io.arcollect.casework.CaseWords;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every user task of the collection case, through Camunda's Spring task events: when it is created, the
 * form's context (invoices, recent contacts) is put on the task, its priority comes from worklist.dmn on the
 * case's figures of the moment, and last time's answers are cleared; when
 * it is completed, the contact log gets who did what with which outcome.
 *
 * <p>A user task names its outcome variable with the extension property {@code outcomeVariable}; tasks
 * that talk to the customer say so with {@code customerContact=true} (the channel then comes from the
 * form's {@code contactChannel}, PHONE when not given); all others are logged as INTERNAL work.
 */
@Component
class TaskContext {

  private final CaseContext context;
  private final ContactLog contactLog;
  private final Worklist worklist;
  private final CaseWords words;

  TaskContext(CaseContext context, ContactLog contactLog, Worklist worklist, CaseWords words) {
    this.context = context;
    this.contactLog = contactLog;
    this.worklist = worklist;
    this.words = words;
  }

  /** Amounts the forms show: as "USD 1,234.50" in {@code <name>Display}. */
  private static final java.util.List<String> AMOUNTS_SHOWN = java.util.List.of("planTotal", "planDownPayment",
      "planInstalmentAmount", "promisedAmount", "lastPaymentAmount");

  /** What this class puts on a task besides {@link CaseContext#forTask}: its copies (see {@link TaskCopiesHistory}). */
  static final java.util.Set<String> SHOWN = java.util.stream.Stream.concat(
      java.util.stream.Stream.of("promiseStatus", "customerTierDisplay", "creditGradeDisplay", "strategyDisplay"),
      AMOUNTS_SHOWN.stream().map(name -> name + "Display")).collect(java.util.stream.Collectors.toUnmodifiableSet());

  @EventListener(condition = "#task.eventName == 'create'")
  public void created(DelegateTask task) {
    String caseNumber = CaseVariables.caseNumber(task);
    if (caseNumber == null) {
      return;
    }
    String outcomeVariable = property(task, "outcomeVariable");
    if (outcomeVariable != null) {
      task.getExecution().removeVariable(outcomeVariable);
    }
    task.getExecution().removeVariable("notes");
    String reasonVariable = property(task, "reasonVariable");
    if (reasonVariable != null) {
      task.getExecution().removeVariable(reasonVariable);
    }
    task.setVariablesLocal(context.forTask(caseNumber));
    // worklist.dmn on the case's figures of today: money first
    task.setPriority(worklist.priority(task));
    // an open or broken promise: the task is to be looked at on the promised date (Tasklist filter "Promises due")
    context.promiseToFollowUp(caseNumber).ifPresentOrElse(promise -> {
      task.setFollowUpDate(java.util.Date.from(promise.promisedDate().atStartOfDay(context.zone()).toInstant()));
      task.setVariableLocal("promiseStatus", promise.display());
    }, () -> task.setVariableLocal("promiseStatus", ""));
    displayed(task, caseNumber);
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void completed(DelegateTask task) {
    String caseNumber = CaseVariables.caseNumber(task);
    if (caseNumber == null) {
      return;
    }
    String outcomeVariable = property(task, "outcomeVariable");
    Object outcome = outcomeVariable == null ? null : task.getVariable(outcomeVariable);
    boolean customerContact = "true".equals(property(task, "customerContact"));
    String channel = customerContact ? String.valueOf(orElse(task.getVariable("contactChannel"), "PHONE")) : "INTERNAL";
    contactLog.record(new ContactAttempt(caseNumber, context.customerId(caseNumber), channel,
        task.getTaskDefinitionKey(), context.now(), FourEyes.actingUser(task),
        String.valueOf(orElse(outcome, "DONE")), notes(task), task.getName(),
        task.getProcessInstanceId(), task.getId()));
  }

  /** The forms' context in words and with the currency: codes as words (English and Chinese), money formatted. */
  private void displayed(DelegateTask task, String caseNumber) {
    task.setVariableLocal("customerTierDisplay", words.bilingual("tier", context.customerTier(caseNumber)));
    task.setVariableLocal("creditGradeDisplay", words.bilingual("grade", CaseVariables.text(task, "creditGrade")));
    task.setVariableLocal("strategyDisplay", words.bilingual("strategy", CaseVariables.text(task, "strategyName")));
    String currency = CaseVariables.text(task, "currency");
    for (String name : AMOUNTS_SHOWN) {
      java.math.BigDecimal amount = CaseVariables.amount(task, name);
      if (amount != null) {
        task.setVariableLocal(name + "Display", (currency == null ? "" : currency + " ") + CaseContext.money(amount));
      }
    }
  }

  /** The notes, after the reason the form asked for when the task names one ({@code reasonVariable}). */
  private static String notes(DelegateTask task) {
    String reasonVariable = property(task, "reasonVariable");
    Object reason = reasonVariable == null ? null : task.getVariable(reasonVariable);
    String notes = (String) task.getVariable("notes");
    if (reason == null || reason.toString().isBlank()) {
      return notes;
    }
    return notes == null || notes.isBlank() ? reason.toString() : reason + " | " + notes;
  }

  private static Object orElse(Object value, Object fallback) {
    return value == null || value.toString().isBlank() ? fallback : value;
  }

  private static String property(DelegateTask task, String name) {
    // reading the model is the engine's own business here, not the completing user's
    return AsEngine.inCommand(() -> propertyOf(task, name));
  }

  private static String propertyOf(DelegateTask task, String name) {
    UserTask element = task.getBpmnModelElementInstance();
    if (element == null || element.getExtensionElements() == null) {
      return null;
    }
    Collection<CamundaProperties> all = element.getExtensionElements().getChildElementsByType(CamundaProperties.class);
    return all.stream().flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }
}
