package io.arcollect.audit;

import io.arcollect.audit.TrailEntry.Kind;
import io.arcollect.casework.CaseDocuments;
import io.arcollect.casework.CaseDocuments.CaseDocument;
import io.arcollect.casework.CaseInvoice;
import io.arcollect.casework.CaseProgress;
import io.arcollect.casework.CollectionCase;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import io.arcollect.casework.InstalmentPlan;
import io.arcollect.casework.PromisesToPay;
import io.arcollect.identity.SystemAuthority;
import io.arcollect.ledger.PaymentHistory;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's audit trail, oldest first, as an auditor reads it: the case's own record (opened, credit hold,
 * referrals, closed), each human step with who, when and the values submitted under the form's labels, each
 * decision with its version and matched rules, each timer when it fired, promises, instalment plans, payments
 * with their allocation, contacts with the customer, refused attempts, documents with their SHA-256, comments.
 * With {@code full}, Camunda's raw history of every process of the case is added (variable changes, activities,
 * assignments, the contact and webhook processes). Read-only by construction: it only queries.
 */
@Service
public class CaseTrail {

  /** Values longer than this are cut in the trail (task context such as invoice tables can be long). */
  private static final int MAX_VALUE_LENGTH = 1000;
  /** The processes that are the case itself; the others (contacts, webhooks) are the engine's business. */
  private static final Set<String> CASE_PROCESSES = Set.of("collection-case", "payment-plan");
  private static final Set<String> TIMERS = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");
  /** Activities that say something about the case by themselves (the rest is shown through its effects). */
  private static final Set<String> STEPS = Set.of("boundaryEscalation", "boundaryMessage", "boundaryError",
      "boundarySignal", "boundaryConditional", "intermediateMessageCatch", "intermediateSignalCatch",
      "intermediateConditional", "noneEndEvent", "escalationEndEvent", "errorEndEvent", "terminateEndEvent",
      "callActivity");
  private static final Set<String> NOT_SHOWN_AS_ACTIVITY = Set.of("userTask", "multiInstanceBody");

  private final HistoryService history;
  private final TaskService tasks;
  private final ContactLog contactLog;
  private final CaseDocuments documents;
  private final PromisesToPay promises;
  private final CaseProgress progress;
  private final PaymentHistory payments;
  private final CaseRecord caseRecord;
  private final DeployedModels models;
  private final SystemAuthority system;
  private final io.arcollect.ledger.ReceivableAdjustments adjustments;

  CaseTrail(HistoryService history, TaskService tasks, ContactLog contactLog, CaseDocuments documents,
      PromisesToPay promises, CaseProgress progress, PaymentHistory payments, CaseRecord caseRecord,
      DeployedModels models, SystemAuthority system, io.arcollect.ledger.ReceivableAdjustments adjustments) {
    this.adjustments = adjustments;
    this.history = history;
    this.tasks = tasks;
    this.contactLog = contactLog;
    this.documents = documents;
    this.promises = promises;
    this.progress = progress;
    this.payments = payments;
    this.caseRecord = caseRecord;
    this.models = models;
    this.system = system;
  }

  /** The auditor's trail of a case the caller may see. */
  @Transactional(readOnly = true)
  public List<TrailEntry> of(CollectionCase collectionCase) {
    return of(collectionCase, false);
  }

  /**
   * The trail of a case the caller may see; {@code full} adds the engine's raw history. Camunda's history is read
   * with the system's authority: who may read which case is decided before (CaseVisibility), the same way for the
   * history as for the contact log.
   */
  @Transactional(readOnly = true)
  public List<TrailEntry> of(CollectionCase collectionCase, boolean full) {
    String caseNumber = collectionCase.getCaseNumber();
    List<TrailEntry> trail = new ArrayList<>();
    caseRecord.ofCase(caseNumber).forEach(recorded -> trail.add(caseEvent(recorded)));
    trail.addAll(system.call(() -> fromHistory(collectionCase, full)));
    List<ContactAttempt> contacts = contactLog.ofCase(caseNumber, 100_000);
    contacts.stream().filter(contact -> !isHumanStepNote(contact)).forEach(contact -> trail.add(contact(contact)));
    documents.ofCase(caseNumber).forEach(listed -> documents.find(listed.id()).ifPresent(d -> trail.add(document(d))));
    promises.ofCase(caseNumber).forEach(promise -> trail.addAll(promise(promise, contacts)));
    List<String> invoiceNumbers = progress.invoices(caseNumber).stream().map(CaseInvoice::invoiceNumber).toList();
    payments.receiptsFor(invoiceNumbers).forEach(receipt -> trail.add(payment(receipt, invoiceNumbers)));
    adjustments.ofCase(caseNumber).forEach(a -> trail.add(adjustment(a.kind().name(), a.invoiceNumber(), a.amount(),
        a.currency(), a.effectiveDate(), a.recordedAt(), a.userId(), a.reason())));
    trail.sort(Comparator.comparing(TrailEntry::at).thenComparing(CaseTrail::orderInAMoment));
    return trail;
  }

  /**
   * Entries of one moment (one transaction) in the order they happen: the case opens, decisions are taken, a timer
   * fires or a person completes a task, what that caused, the stage it led to, contacts, and the case closes.
   */
  private static int orderInAMoment(TrailEntry entry) {
    return switch (entry.kind()) {
      case PROCESS_STARTED -> 0;
      case CASE -> "CASE_OPENED".equals(entry.subject()) ? 1 : "CASE_CLOSED".equals(entry.subject()) ? 9 : 4;
      case DECISION -> 2;
      case TIMER, HUMAN_STEP, REFUSED, COMMENT -> 3;
      case STEP, PROMISE, PLAN, PAYMENT, ADJUSTMENT -> 4;
      case STAGE -> 5;
      case CONTACT, DOCUMENT -> 6;
      case PROCESS_ENDED -> 10;
      default -> 8;
    };
  }

  /** The path a case took through its model: how often each element ran and which flows were taken. */
  public record CasePath(String processDefinitionId, Map<String, Long> counts, Set<String> active,
      Set<String> flowsTaken) {}

  @Transactional(readOnly = true)
  public CasePath path(CollectionCase collectionCase) {
    return system.call(() -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(collectionCase.getProcessInstanceId()).singleResult();
      if (instance == null) {
        return new CasePath(null, Map.of(), Set.of(), Set.of());
      }
      List<HistoricActivityInstance> activities = activities(instance.getId());
      Map<String, Long> counts = activities.stream().filter(a -> !a.getActivityType().equals("multiInstanceBody"))
          .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, LinkedHashMap::new, Collectors.counting()));
      Set<String> active = activities.stream().filter(a -> a.getEndTime() == null)
          .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
      Set<String> taken = new java.util.HashSet<>();
      Map<String, String> flowOf = new HashMap<>();
      models.flows(instance.getProcessDefinitionId()).forEach(flow -> flowOf.put(flow[1] + ">" + flow[2], flow[0]));
      for (HistoricActivityInstance activity : activities) {
        HistoricActivityInstance before = predecessor(instance.getProcessDefinitionId(), activity, activities);
        if (before != null && flowOf.containsKey(before.getActivityId() + ">" + activity.getActivityId())) {
          taken.add(flowOf.get(before.getActivityId() + ">" + activity.getActivityId()));
        }
      }
      return new CasePath(instance.getProcessDefinitionId(), counts, active, taken);
    });
  }

  /** The BPMN XML of the model version the case runs (or ran). */
  @Transactional(readOnly = true)
  public String diagram(CasePath path) {
    return system.call(() -> models.processXml(path.processDefinitionId()));
  }

  // --- the case's own record

  private static TrailEntry caseEvent(CaseRecord.Recorded recorded) {
    String what = switch (recorded.event()) {
      case "CASE_OPENED" -> "Case opened";
      case "CREDIT_HOLD_PLACED" -> "Credit hold placed on customer";
      case "CREDIT_HOLD_RELEASED" -> "Credit hold released";
      case "REFERRED_TO_LEGAL" -> "Referred to our lawyer";
      case "REFERRED_TO_AGENCY" -> "Referred to a collection agency";
      case "CASE_CLOSED" -> "Case closed" + (recorded.outcome() == null ? "" : ": " + recorded.outcome());
      default -> recorded.event();
    };
    return new TrailEntry(recorded.occurredAt(), Kind.CASE, recorded.userId(), recorded.event(),
        what + " (outstanding " + money(recorded.currency(), recorded.outstandingAmount()) + ")",
        details("event", recorded.event(), "outstandingAmount", plain(recorded.outstandingAmount()), "currency",
            recorded.currency(), "outcome", recorded.outcome()));
  }

  // --- Camunda's history of the case's processes

  private List<TrailEntry> fromHistory(CollectionCase collectionCase, boolean full) {
    List<TrailEntry> trail = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(collectionCase.getCaseNumber()).orderByProcessInstanceStartTime().asc().list()) {
      boolean ofTheCase = CASE_PROCESSES.contains(instance.getProcessDefinitionKey());
      if (!ofTheCase && !full) {
        continue;
      }
      String id = instance.getId();
      List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(id)
          .variableUpdates().disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
          .map(HistoricVariableUpdate.class::cast).toList();
      List<HistoricActivityInstance> activities = activities(id);
      Map<String, String> completedBy = new HashMap<>();
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id)
          .orderByTimestamp().asc().list()) {
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()) && entry.getTaskId() != null) {
          completedBy.put(entry.getTaskId(), entry.getUserId());
        } else if (full) {
          trail.add(operation(entry));
        }
      }
      if (ofTheCase) {
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
          trail.add(humanStep(instance, task, completedBy.get(task.getId()), updates, activities));
          // a comment added to the task only (Tasklist without assignProcessInstanceIdToTaskComment, the REST API)
          for (Comment comment : tasks.getTaskComments(task.getId())) {
            if (comment.getProcessInstanceId() == null) {
              trail.add(comment(comment));
            }
          }
        }
        trail.addAll(stages(instance, updates, activities));
        trail.addAll(timers(instance, activities));
        trail.addAll(steps(instance, activities));
        history.createHistoricDecisionInstanceQuery().processInstanceId(id).includeInputs().includeOutputs()
            .disableCustomObjectDeserialization().list().forEach(decision -> trail.add(decision(decision)));
        if ("payment-plan".equals(instance.getProcessDefinitionKey())) {
          trail.add(plan(instance, collectionCase));
        }
        for (Comment comment : tasks.getProcessInstanceComments(id)) {
          trail.add(comment(comment));
        }
      }
      history.createHistoricIncidentQuery().processInstanceId(id).list()
          .forEach(incident -> trail.add(incident(incident)));
      if (full) {
        processStartAndEnd(instance, trail);
        updates.forEach(update -> trail.add(variable(update)));
        activities.stream().filter(activity -> !NOT_SHOWN_AS_ACTIVITY.contains(activity.getActivityType()))
            .forEach(activity -> trail.add(activity(activity)));
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
          trail.addAll(taskLifecycle(task));
        }
      }
    }
    return trail;
  }

  private List<HistoricActivityInstance> activities(String processInstanceId) {
    // the sequence counter orders only within an execution: time first
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
  }

  /**
   * A human step as one entry: who completed which task when, and the values submitted under the labels of the
   * form the task showed. The submitted values are the changes the completion made to the form's fields in the
   * task's activity (the engine writes them with the task's activity instance, without a user).
   */
  private TrailEntry humanStep(HistoricProcessInstance instance, HistoricTaskInstance task, String completingUser,
      List<HistoricVariableUpdate> updates, List<HistoricActivityInstance> activities) {
    Map<String, Object> details = details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey(),
        "created", instant(task.getStartTime()), "due", task.getDueDate() == null ? null : instant(task.getDueDate()));
    List<String> assignments = new ArrayList<>();
    List<String> candidates = new ArrayList<>();
    for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .orderByTime().asc().list()) {
      if ("candidate".equals(link.getType()) && link.getGroupId() != null && "add".equals(link.getOperationType())) {
        candidates.add(link.getGroupId());
      } else if ("assignee".equals(link.getType()) && "add".equals(link.getOperationType())) {
        assignments.add(link.getUserId() + " at " + link.getTime().toInstant()
            + (link.getAssignerId() == null || link.getAssignerId().equals(link.getUserId()) ? "" : " by " + link.getAssignerId()));
      }
    }
    details.put("candidateGroups", String.join(", ", candidates));
    if (!assignments.isEmpty()) {
      details.put("assigned", assignments);
    }
    HistoricActivityInstance activity = activities.stream()
        .filter(a -> a.getId().equals(task.getActivityInstanceId())).findFirst().orElse(null);
    if (activity != null) {
      String cause = cause(instance.getProcessDefinitionId(), activity, activities);
      if (cause != null) {
        details.put("reachedVia", cause);
      }
    }
    if (task.getEndTime() == null) {
      return new TrailEntry(instant(task.getStartTime()), Kind.HUMAN_STEP, task.getAssignee(), task.getName(),
          "Waiting for " + (task.getAssignee() != null ? task.getAssignee() : String.join(", ", candidates)), details);
    }
    Map<String, DeployedModels.Field> fields = models.formFields(instance.getProcessDefinitionId(),
        task.getTaskDefinitionKey(), instant(task.getEndTime()));
    Map<String, Object> byName = new LinkedHashMap<>();
    updates.stream()
        .filter(update -> update.getTaskId() == null && Objects.equals(update.getActivityInstanceId(), task.getActivityInstanceId())
            && fields.containsKey(update.getVariableName()) && !update.getTime().after(task.getEndTime()))
        // the task's creation removes the previous step's outcome and notes: a removal is not a submission
        .filter(update -> value(update) != null)
        .forEach(update -> byName.put(update.getVariableName(), value(update)));
    Map<String, Object> submitted = new LinkedHashMap<>();
    fields.forEach((name, field) -> {
      Object value = byName.get(name);
      if (value != null && !"".equals(value)) {
        submitted.put(field.label(), field.show(value));
      }
    });
    details.put("submitted", submitted);
    String user = completingUser != null ? completingUser : task.getAssignee();
    boolean completed = "completed".equals(task.getDeleteReason());
    String verb = completed ? "Completed" : "Ended without completion (" + task.getDeleteReason() + ")";
    return new TrailEntry(instant(task.getEndTime()), Kind.HUMAN_STEP, completed ? user : null, task.getName(),
        verb + (completed && user != null ? " by " + user : "") + (submitted.isEmpty() ? "" : ": " + describe(submitted)),
        details);
  }

  /** The case's stage changes (the stage listener keeps the variable {@code stage}), with what led there. */
  private List<TrailEntry> stages(HistoricProcessInstance instance, List<HistoricVariableUpdate> updates,
      List<HistoricActivityInstance> activities) {
    List<TrailEntry> stages = new ArrayList<>();
    Object current = null;
    for (HistoricVariableUpdate update : updates) {
      if (!"stage".equals(update.getVariableName()) || Objects.equals(current, value(update))) {
        continue;
      }
      current = value(update);
      HistoricActivityInstance activity = activities.stream()
          .filter(a -> a.getId().equals(update.getActivityInstanceId())).findFirst().orElse(null);
      String cause = activity == null ? null : cause(instance.getProcessDefinitionId(), activity, activities);
      stages.add(new TrailEntry(instant(update.getTime()), Kind.STAGE, null, String.valueOf(current),
          "Stage " + current + (cause == null ? "" : " (because: " + cause + ")"),
          details("stage", current, "cause", cause, "at", activity == null ? null : name(activity))));
    }
    return stages;
  }

  /** Each timer at the moment it fired, with the due time it had. */
  private List<TrailEntry> timers(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
    List<HistoricJobLog> fired = history.createHistoricJobLogQuery().processInstanceId(instance.getId()).successLog()
        .list().stream().filter(log -> log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer"))
        .toList();
    List<TrailEntry> timers = new ArrayList<>();
    for (HistoricActivityInstance timer : activities) {
      if (!TIMERS.contains(timer.getActivityType()) || timer.getEndTime() == null || timer.isCanceled()) {
        continue;
      }
      Date due = fired.stream().filter(log -> timer.getActivityId().equals(log.getActivityId())
              && !log.getTimestamp().before(timer.getStartTime()) && !log.getTimestamp().after(timer.getEndTime()))
          .map(HistoricJobLog::getJobDueDate).filter(Objects::nonNull).reduce((first, last) -> last).orElse(null);
      timers.add(new TrailEntry(instant(timer.getEndTime()), Kind.TIMER, null, name(timer),
          "Timer fired: " + name(timer) + (due == null ? "" : " (due " + due.toInstant() + ")"),
          details("activityId", timer.getActivityId(), "due", due == null ? null : due.toInstant(),
              "waitingSince", instant(timer.getStartTime()))));
    }
    return timers;
  }

  private List<TrailEntry> steps(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
    List<TrailEntry> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      boolean started = "callActivity".equals(activity.getActivityType());
      if (!STEPS.contains(activity.getActivityType()) || activity.isCanceled() && !started
          || models.inEventSubProcess(instance.getProcessDefinitionId(), activity.getActivityId())) {
        continue;
      }
      Instant at = started || activity.getEndTime() == null ? instant(activity.getStartTime()) : instant(activity.getEndTime());
      steps.add(new TrailEntry(at, Kind.STEP, null, name(activity), (started ? "Started: " : "") + name(activity),
          details("activityId", activity.getActivityId(), "activityType", activity.getActivityType(), "process",
              instance.getProcessDefinitionName())));
    }
    return steps;
  }

  /** An instalment plan as it was run: its terms, who recorded and who approved it. */
  private TrailEntry plan(HistoricProcessInstance planInstance, CollectionCase collectionCase) {
    Map<String, Object> terms = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(planInstance.getId()).disableCustomObjectDeserialization().list()) {
      terms.put(variable.getName(), variable.getValue());
    }
    Map<String, Object> caseVariables = variablesAt(planInstance.getSuperProcessInstanceId(), planInstance.getStartTime());
    Map<String, Object> details = details("recordedBy", caseVariables.get("planRecordedBy"),
        "approvedBy", caseVariables.get("planApprovedBy"), "currency", collectionCase.getCurrency());
    String summary;
    try {
      InstalmentPlan plan = InstalmentPlan.fromTerms(terms::get);
      details.putAll(details("total", plain(plan.total()), "downPayment", plain(plan.downPayment()),
          "instalments", plan.instalmentCount(), "instalmentAmount", plain(plan.instalmentAmount()),
          "agreedOn", plan.agreedOn().toString(), "firstDueDate", plan.firstDueDate().toString(),
          "intervalDays", plan.intervalDays()));
      summary = "Instalment plan of " + money(collectionCase.getCurrency(), plan.total()) + ": down payment "
          + money(collectionCase.getCurrency(), plan.downPayment()) + ", " + plan.instalmentCount() + " instalments of "
          + money(collectionCase.getCurrency(), plan.instalmentAmount()) + " every " + plan.intervalDays()
          + " days from " + plan.firstDueDate();
    } catch (RuntimeException unreadable) {
      summary = "Instalment plan (terms unreadable: " + unreadable.getMessage() + ")";
    }
    summary += "; recorded by " + caseVariables.get("planRecordedBy")
        + (caseVariables.get("planApprovedBy") == null ? "" : ", approved by " + caseVariables.get("planApprovedBy"));
    return new TrailEntry(instant(planInstance.getStartTime()), Kind.PLAN, null, "Instalment plan", summary, details);
  }

  /** The last value each variable of a process instance had at that moment. */
  private Map<String, Object> variablesAt(String processInstanceId, Date at) {
    Map<String, Object> values = new HashMap<>();
    if (processInstanceId == null) {
      return values;
    }
    history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates()
        .disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast).filter(update -> !update.getTime().after(at))
        .forEach(update -> values.put(update.getVariableName(), value(update)));
    return values;
  }

  /**
   * What led to an activity: the element before it on its way in (through gateways), i.e. the one of its model
   * predecessors that ended last before it started.
   */
  private String cause(String processDefinitionId, HistoricActivityInstance activity,
      List<HistoricActivityInstance> activities) {
    HistoricActivityInstance before = activity;
    for (int depth = 0; depth < 10; depth++) {
      before = predecessor(processDefinitionId, before, activities);
      if (before == null) {
        return null;
      }
      if (!before.getActivityType().endsWith("Gateway")) {
        return name(before);
      }
    }
    return null;
  }

  private HistoricActivityInstance predecessor(String processDefinitionId, HistoricActivityInstance activity,
      List<HistoricActivityInstance> activities) {
    List<String> sources = models.sources(processDefinitionId, activity.getActivityId());
    HistoricActivityInstance best = null;
    int index = activities.indexOf(activity);
    for (int i = 0; i < activities.size(); i++) {
      HistoricActivityInstance candidate = activities.get(i);
      if (!sources.contains(candidate.getActivityId()) || candidate.getEndTime() == null
          || candidate.getEndTime().after(activity.getStartTime()) || (i > index && index >= 0
              && candidate.getEndTime().equals(activity.getStartTime()))) {
        continue;
      }
      if (best == null || !candidate.getEndTime().before(best.getEndTime())) {
        best = candidate;
      }
    }
    return best;
  }

  private TrailEntry decision(HistoricDecisionInstance decision) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    decision.getInputs().forEach(input -> inputs.put(
        Objects.requireNonNullElse(input.getClauseName(), input.getClauseId()), typed(input.getTypedValue())));
    Map<String, Object> outputs = new LinkedHashMap<>();
    decision.getOutputs().forEach(output -> outputs.put(Objects.requireNonNullElse(output.getClauseName(),
        Objects.requireNonNullElse(output.getVariableName(), output.getClauseId())), typed(output.getTypedValue())));
    DeployedModels.DecisionModel model = models.decision(decision.getDecisionDefinitionId());
    List<Map<String, Object>> rules = new ArrayList<>();
    decision.getOutputs().stream().map(output -> output.getRuleId()).filter(Objects::nonNull).distinct()
        .forEach(ruleId -> {
          Map<String, Object> rule = new LinkedHashMap<>();
          rule.put("id", ruleId);
          rule.put("description", model.ruleDescriptions().get(ruleId));
          rules.add(rule);
        });
    String name = Objects.requireNonNullElse(decision.getDecisionDefinitionName(), decision.getDecisionDefinitionKey());
    Map<String, Object> details = details("decisionDefinitionKey", decision.getDecisionDefinitionKey(),
        "version", model.version(), "decisionDefinitionId", decision.getDecisionDefinitionId(),
        "activityId", decision.getActivityId());
    details.put("matchedRules", rules);
    details.put("inputs", inputs);
    details.put("outputs", outputs);
    String because = rules.stream().map(rule -> rule.get("id") + (rule.get("description") == null ? "" : " \"" + rule.get("description") + "\""))
        .collect(Collectors.joining("; "));
    return new TrailEntry(instant(decision.getEvaluationTime()), Kind.DECISION, decision.getUserId(), name,
        name + " v" + model.version() + ": " + describe(outputs) + (because.isEmpty() ? " (no rule matched)" : ", rule " + because),
        details);
  }

  private static TrailEntry incident(HistoricIncident incident) {
    String state = incident.isResolved() ? "resolved" : incident.isDeleted() ? "deleted" : "open";
    return new TrailEntry(instant(incident.getCreateTime()), Kind.INCIDENT, null, incident.getActivityId(),
        "Incident (" + incident.getIncidentType() + ", " + state + "): " + incident.getIncidentMessage(),
        details("incidentId", incident.getId(), "activityId", incident.getActivityId(), "ended",
            incident.getEndTime() == null ? null : instant(incident.getEndTime())));
  }

  private static TrailEntry comment(Comment comment) {
    return new TrailEntry(instant(comment.getTime()), Kind.COMMENT, comment.getUserId(), "comment",
        "Comment: " + comment.getFullMessage(), details("taskId", comment.getTaskId(), "message", comment.getFullMessage()));
  }

  // --- ArCollect's own tables

  /** Task completions are also noted in the contact log (outcome and notes): the human step already says so. */
  private static boolean isHumanStepNote(ContactAttempt contact) {
    return contact.taskId() != null && "INTERNAL".equals(contact.channel()) && !"REFUSED".equals(contact.outcome());
  }

  private static TrailEntry contact(ContactAttempt contact) {
    boolean refused = "REFUSED".equals(contact.outcome());
    return new TrailEntry(contact.occurredAt(), refused ? Kind.REFUSED : Kind.CONTACT, contact.userId(), contact.template(),
        (refused ? "Refused: " : contact.channel() + " " + contact.outcome()) + (contact.notes() == null ? "" : ": " + contact.notes()),
        details("channel", contact.channel(), "outcome", contact.outcome(), "template", contact.template(),
            "reference", contact.reference(), "notes", contact.notes(), "taskId", contact.taskId()));
  }

  /** A promise when it was made (by whom: the collector who logged it), and when it was found kept or broken. */
  private static List<TrailEntry> promise(PromisesToPay.Promise promise, List<ContactAttempt> contacts) {
    String maker = contacts.stream()
        .filter(contact -> "PROMISE_TO_PAY".equals(contact.outcome()) && !contact.occurredAt().isAfter(promise.madeAt()))
        .max(Comparator.comparing(ContactAttempt::occurredAt)).map(ContactAttempt::userId).orElse(null);
    String outcome = promise.kept() == null ? "OPEN" : promise.kept() ? "KEPT" : "BROKEN";
    Map<String, Object> details = details("amount", plain(promise.amount()), "currency", promise.currency(),
        "promisedDate", promise.promisedDate().toString(), "madeBy", maker, "outcome", outcome, "detectedAt",
        promise.checkedAt());
    List<TrailEntry> entries = new ArrayList<>();
    entries.add(new TrailEntry(promise.madeAt(), Kind.PROMISE, maker, "Promise to pay",
        "Promise to pay " + money(promise.currency(), promise.amount()) + " by " + promise.promisedDate()
            + (maker == null ? "" : ", taken by " + maker) + ": " + outcome.toLowerCase(java.util.Locale.ROOT), details));
    if (promise.checkedAt() != null) {
      entries.add(new TrailEntry(promise.checkedAt(), Kind.PROMISE, null, "Promise checked",
          "Promise of " + money(promise.currency(), promise.amount()) + " by " + promise.promisedDate() + " found "
              + outcome.toLowerCase(java.util.Locale.ROOT), details));
    }
    return entries;
  }

  private static TrailEntry payment(PaymentHistory.Receipt receipt, List<String> caseInvoices) {
    List<Map<String, Object>> allocations = new ArrayList<>();
    BigDecimal toCase = BigDecimal.ZERO;
    for (PaymentHistory.Allocated allocated : receipt.allocations()) {
      if (caseInvoices.contains(allocated.invoiceNumber())) {
        allocations.add(details("invoice", allocated.invoiceNumber(), "amount", plain(allocated.amount()),
            "allocatedAt", allocated.allocatedAt()));
        toCase = toCase.add(allocated.amount());
      }
    }
    Map<String, Object> details = details("bankReference", receipt.bankReference(), "statementId", receipt.statementId(),
        "amount", plain(receipt.amount()), "currency", receipt.currency(), "valueDate", String.valueOf(receipt.valueDate()),
        "bookingDate", receipt.bookingDate() == null ? null : receipt.bookingDate().toString(), "payer", receipt.payerName(),
        "remittance", receipt.remittanceText(), "allocatedToCase", plain(toCase));
    details.put("allocations", allocations);
    return new TrailEntry(receipt.receivedAt(), Kind.PAYMENT, null, receipt.bankReference(),
        "Payment " + money(receipt.currency(), receipt.amount()) + " value " + receipt.valueDate() + " (ref "
            + receipt.bankReference() + "): " + allocations.stream()
                .map(a -> a.get("invoice") + " " + a.get("amount")).collect(Collectors.joining(", ")),
        details);
  }

  /** A credit note, correction or write-off as the ledger dates it (receivable_adjustments), with its user. */
  static TrailEntry adjustment(String kind, String invoiceNumber, BigDecimal amount, String currency,
      java.time.LocalDate effectiveDate, Instant recordedAt, String userId, String reason) {
    String what = switch (kind) {
      case "CREDIT_NOTE" -> "Credit note";
      case "CORRECTION" -> "Correction (partial credit)";
      case "WRITE_OFF" -> "Write-off";
      default -> kind;
    };
    return new TrailEntry(recordedAt, Kind.ADJUSTMENT, userId, invoiceNumber,
        what + " of " + money(currency, amount) + " on " + invoiceNumber + " effective " + effectiveDate
            + (userId == null ? "" : ", by " + userId) + (reason == null ? "" : ": " + reason),
        details("kind", kind, "invoice", invoiceNumber, "amount", plain(amount), "currency", currency,
            "effectiveDate", String.valueOf(effectiveDate), "reason", reason));
  }

  /** A document as sent, with its size and SHA-256 so the file an auditor is shown can be proven the same. */
  private static TrailEntry document(CaseDocument document) {
    byte[] content = document.content();
    return new TrailEntry(document.createdAt(), Kind.DOCUMENT, null, document.kind(),
        document.kind() + " " + document.fileName() + " (" + content.length + " bytes, document " + document.id() + ")",
        details("documentId", document.id(), "fileName", document.fileName(), "contentType", document.contentType(),
            "size", content.length, "sha256", sha256(content)));
  }

  // --- the engine's raw history (detail=full)

  private static void processStartAndEnd(HistoricProcessInstance instance, List<TrailEntry> trail) {
    String name = Objects.requireNonNullElse(instance.getProcessDefinitionName(), instance.getProcessDefinitionKey());
    trail.add(new TrailEntry(instant(instance.getStartTime()), Kind.PROCESS_STARTED, instance.getStartUserId(), name,
        "Started " + name + " (version " + instance.getProcessDefinitionVersion() + ")",
        details("processInstanceId", instance.getId(), "processDefinitionId", instance.getProcessDefinitionId())));
    if (instance.getEndTime() != null) {
      trail.add(new TrailEntry(instant(instance.getEndTime()), Kind.PROCESS_ENDED, null, name,
          "Ended " + name + " (" + instance.getState() + ")",
          details("processInstanceId", instance.getId(), "endActivityId", instance.getEndActivityId(),
              "deleteReason", instance.getDeleteReason())));
    }
  }

  private List<TrailEntry> taskLifecycle(HistoricTaskInstance task) {
    List<TrailEntry> entries = new ArrayList<>();
    entries.add(new TrailEntry(instant(task.getStartTime()), Kind.TASK_CREATED, null, task.getName(), "Task created",
        details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey())));
    for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .orderByTime().asc().list()) {
      if ("assignee".equals(link.getType())) {
        entries.add(new TrailEntry(instant(link.getTime()), Kind.TASK_ASSIGNMENT, link.getAssignerId(), task.getName(),
            ("add".equals(link.getOperationType()) ? "Assigned to " : "Unassigned from ") + link.getUserId(),
            details("taskId", task.getId(), "assignee", link.getUserId(), "operation", link.getOperationType())));
      }
    }
    return entries;
  }

  private static TrailEntry activity(HistoricActivityInstance activity) {
    return new TrailEntry(instant(activity.getStartTime()), Kind.ACTIVITY, null, name(activity),
        (activity.isCanceled() ? "Entered (later cancelled) " : "Passed ") + activity.getActivityType() + " " + name(activity),
        details("activityId", activity.getActivityId(), "activityType", activity.getActivityType(), "ended",
            activity.getEndTime() == null ? null : instant(activity.getEndTime())));
  }

  private static TrailEntry variable(HistoricVariableUpdate update) {
    Object value = value(update);
    return new TrailEntry(instant(update.getTime()), Kind.VARIABLE, null, update.getVariableName(),
        update.getVariableName() + " = " + value,
        details("value", value, "type", update.getTypeName(), "taskId", update.getTaskId(),
            "activityInstanceId", update.getActivityInstanceId(), "revision", update.getRevision()));
  }

  private static TrailEntry operation(UserOperationLogEntry entry) {
    String change = entry.getProperty() == null ? ""
        : " " + entry.getProperty() + ": " + entry.getOrgValue() + " -> " + entry.getNewValue();
    return new TrailEntry(instant(entry.getTimestamp()), Kind.OPERATION, entry.getUserId(), entry.getEntityType(),
        entry.getOperationType() + " " + entry.getEntityType() + change,
        details("operationId", entry.getOperationId(), "taskId", entry.getTaskId(), "annotation", entry.getAnnotation()));
  }

  // --- values

  /** The element's name as the model has it, without the expressions that make task names ("Initial contact: ${...}"). */
  private static String name(HistoricActivityInstance activity) {
    String name = Objects.requireNonNullElse(activity.getActivityName(), activity.getActivityId());
    int expression = name.indexOf("${");
    if (expression < 0) {
      return name;
    }
    String plain = name.substring(0, expression).trim();
    plain = plain.endsWith(":") ? plain.substring(0, plain.length() - 1) : plain;
    return plain.isEmpty() ? activity.getActivityId() : plain;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object value(HistoricVariableUpdate update) {
    if (update.getErrorMessage() != null) {
      return "(unreadable: " + update.getErrorMessage() + ")";
    }
    return typed(update.getTypedValue());
  }

  private static Object typed(TypedValue value) {
    if (value == null) {
      return null;
    }
    Object plain = value instanceof ObjectValue object && !object.isDeserialized() ? object.getValueSerialized()
        : value.getValue();
    if (plain instanceof Date date) {
      return date.toInstant();
    }
    if (plain instanceof byte[] bytes) {
      return "(" + bytes.length + " bytes)";
    }
    if (plain instanceof String text && text.length() > MAX_VALUE_LENGTH) {
      return text.substring(0, MAX_VALUE_LENGTH) + "...";
    }
    return plain instanceof String || plain instanceof Number || plain instanceof Boolean || plain == null ? plain
        : String.valueOf(plain);
  }

  /** Amounts as exact decimal text, never a binary floating-point number. */
  private static String plain(BigDecimal amount) {
    return amount == null ? null : amount.stripTrailingZeros().toPlainString();
  }

  static String money(String currency, BigDecimal amount) {
    return amount == null ? "-" : (currency == null ? "" : currency + " ")
        + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static String describe(Map<String, Object> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(": ").append(value));
    return text.toString();
  }

  static Map<String, Object> details(Object... namesAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        details.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return details;
  }

  private static Instant instant(Date date) {
    return date.toInstant();
  }
}
