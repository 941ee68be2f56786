package io.arcollect.audit;

import io.arcollect.audit.TrailEntry.Kind;
import io.arcollect.casework.CaseDocuments;
import io.arcollect.casework.CaseDocuments.CaseDocument;
import io.arcollect.casework.CollectionCase;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import io.arcollect.identity.SystemAuthority;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's audit trail, oldest first: everything Camunda's history knows of the case's process instances (the
 * collection case and its instalment plans, all with the case number as business key) merged with the contact
 * log and the documents sent. Read-only by construction: it only queries.
 */
@Service
public class CaseTrail {

  /** Values longer than this are cut in the trail (task context such as invoice tables can be long). */
  private static final int MAX_VALUE_LENGTH = 1000;
  private static final Set<String> NOT_SHOWN_AS_ACTIVITY = Set.of("userTask", "multiInstanceBody");

  private final HistoryService history;
  private final ContactLog contactLog;
  private final CaseDocuments documents;
  private final SystemAuthority system;

  CaseTrail(HistoryService history, ContactLog contactLog, CaseDocuments documents, SystemAuthority system) {
    this.history = history;
    this.contactLog = contactLog;
    this.documents = documents;
    this.system = system;
  }

  /**
   * The trail of a case the caller may see. Camunda's history is read with the system's authority: who may
   * read which case is decided before (CaseVisibility), the same way for the history as for the contact log.
   */
  @Transactional(readOnly = true)
  public List<TrailEntry> of(CollectionCase collectionCase) {
    String caseNumber = collectionCase.getCaseNumber();
    List<TrailEntry> trail = new ArrayList<>(system.call(() -> fromHistory(caseNumber)));
    contactLog.ofCase(caseNumber, 100_000).forEach(contact -> trail.add(contact(contact)));
    documents.ofCase(caseNumber).forEach(listed -> documents.find(listed.id()).ifPresent(d -> trail.add(document(d))));
    // at the same moment, the end of a process comes after what led to it
    trail.sort(Comparator.comparing(TrailEntry::at).thenComparing(entry -> entry.kind() == Kind.PROCESS_ENDED));
    return trail;
  }

  private List<TrailEntry> fromHistory(String caseNumber) {
    List<TrailEntry> trail = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().list()) {
      String id = instance.getId();
      processStartAndEnd(instance, trail);
      List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(id)
          .variableUpdates().disableCustomObjectDeserialization().orderByTime().asc().list().stream()
          .map(HistoricVariableUpdate.class::cast).toList();
      Map<String, String> completedBy = new HashMap<>();
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id)
          .orderByTimestamp().asc().list()) {
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()) && entry.getTaskId() != null) {
          completedBy.put(entry.getTaskId(), entry.getUserId());
        } else {
          trail.add(operation(entry));
        }
      }
      List<HistoricVariableUpdate> submitted = new ArrayList<>();
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
        trail.addAll(task(task, completedBy.get(task.getId()), updates, submitted));
      }
      updates.stream().filter(update -> !submitted.contains(update)).forEach(update -> trail.add(variable(update)));
      history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
          .filter(activity -> !NOT_SHOWN_AS_ACTIVITY.contains(activity.getActivityType()))
          .forEach(activity -> trail.add(activity(activity)));
      history.createHistoricDecisionInstanceQuery().processInstanceId(id).includeInputs().includeOutputs()
          .disableCustomObjectDeserialization().list().forEach(decision -> trail.add(decision(decision)));
      history.createHistoricIncidentQuery().processInstanceId(id).list()
          .forEach(incident -> trail.add(incident(incident)));
    }
    return trail;
  }

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

  /**
   * A task's creation, assignments and completion. The variables submitted with the completion are those the
   * task's step changed at the moment it was completed (on the process, not task-local context).
   */
  private List<TrailEntry> task(HistoricTaskInstance task, String completingUser, List<HistoricVariableUpdate> updates,
      List<HistoricVariableUpdate> submitted) {
    List<TrailEntry> entries = new ArrayList<>();
    List<String> candidates = new ArrayList<>();
    for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .orderByTime().asc().list()) {
      if ("candidate".equals(link.getType()) && link.getGroupId() != null && "add".equals(link.getOperationType())) {
        candidates.add(link.getGroupId());
      } else if ("assignee".equals(link.getType())) {
        entries.add(new TrailEntry(instant(link.getTime()), Kind.TASK_ASSIGNMENT, link.getAssignerId(), task.getName(),
            ("add".equals(link.getOperationType()) ? "Assigned to " : "Unassigned from ") + link.getUserId(),
            details("taskId", task.getId(), "assignee", link.getUserId(), "operation", link.getOperationType())));
      }
    }
    entries.add(0, new TrailEntry(instant(task.getStartTime()), Kind.TASK_CREATED, null, task.getName(),
        "Task created for " + (candidates.isEmpty() ? task.getAssignee() : String.join(", ", candidates)),
        details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey(), "candidateGroups",
            String.join(",", candidates), "due", task.getDueDate() == null ? null : instant(task.getDueDate()))));
    if (task.getEndTime() != null) {
      Map<String, Object> form = new LinkedHashMap<>();
      updates.stream()
          .filter(update -> update.getTaskId() == null && Objects.equals(update.getActivityInstanceId(), task.getActivityInstanceId())
              && !update.getTime().before(task.getEndTime()))
          .forEach(update -> {
            submitted.add(update);
            form.put(update.getVariableName(), value(update));
          });
      String user = completingUser != null ? completingUser : task.getAssignee();
      String verb = "completed".equals(task.getDeleteReason()) ? "Completed" : "Ended (" + task.getDeleteReason() + ")";
      Map<String, Object> details = details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey());
      details.putAll(form);
      entries.add(new TrailEntry(instant(task.getEndTime()), Kind.TASK_COMPLETED, user, task.getName(),
          verb + (user == null ? "" : " by " + user) + (form.isEmpty() ? "" : ": " + describe(form)), details));
    }
    return entries;
  }

  private static TrailEntry activity(HistoricActivityInstance activity) {
    String name = Objects.requireNonNullElse(activity.getActivityName(), activity.getActivityId());
    return new TrailEntry(instant(activity.getStartTime()), Kind.ACTIVITY, null, name,
        (activity.isCanceled() ? "Entered (later cancelled) " : "Passed ") + activity.getActivityType() + " " + name,
        details("activityId", activity.getActivityId(), "activityType", activity.getActivityType(), "ended",
            activity.getEndTime() == null ? null : instant(activity.getEndTime())));
  }

  private static TrailEntry variable(HistoricVariableUpdate update) {
    Object value = value(update);
    return new TrailEntry(instant(update.getTime()), Kind.VARIABLE, null, update.getVariableName(),
        update.getVariableName() + " = " + value,
        details("value", value, "type", update.getTypeName(),
            "taskId", update.getTaskId(), "revision", update.getRevision()));
  }

  private static TrailEntry decision(HistoricDecisionInstance decision) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    decision.getInputs().forEach(input -> inputs.put(
        Objects.requireNonNullElse(input.getClauseName(), input.getClauseId()), typed(input.getTypedValue())));
    Map<String, Object> outputs = new LinkedHashMap<>();
    decision.getOutputs().forEach(output -> outputs.put(
        Objects.requireNonNullElse(output.getVariableName(), output.getClauseId()), typed(output.getTypedValue())));
    String name = Objects.requireNonNullElse(decision.getDecisionDefinitionName(), decision.getDecisionDefinitionKey());
    Map<String, Object> details = details("decisionDefinitionKey", decision.getDecisionDefinitionKey(),
        "decisionDefinitionId", decision.getDecisionDefinitionId(), "activityId", decision.getActivityId());
    details.put("inputs", inputs);
    details.put("outputs", outputs);
    return new TrailEntry(instant(decision.getEvaluationTime()), Kind.DECISION, decision.getUserId(), name,
        "Decided " + name + ": " + describe(outputs) + " from " + describe(inputs), details);
  }

  private static TrailEntry incident(HistoricIncident incident) {
    String state = incident.isResolved() ? "resolved" : incident.isDeleted() ? "deleted" : "open";
    return new TrailEntry(instant(incident.getCreateTime()), Kind.INCIDENT, null, incident.getActivityId(),
        "Incident (" + incident.getIncidentType() + ", " + state + "): " + incident.getIncidentMessage(),
        details("incidentId", incident.getId(), "activityId", incident.getActivityId(), "ended",
            incident.getEndTime() == null ? null : instant(incident.getEndTime())));
  }

  private static TrailEntry operation(UserOperationLogEntry entry) {
    String change = entry.getProperty() == null ? ""
        : " " + entry.getProperty() + ": " + entry.getOrgValue() + " -> " + entry.getNewValue();
    return new TrailEntry(instant(entry.getTimestamp()), Kind.OPERATION, entry.getUserId(), entry.getEntityType(),
        entry.getOperationType() + " " + entry.getEntityType() + change,
        details("operationId", entry.getOperationId(), "taskId", entry.getTaskId(), "annotation", entry.getAnnotation()));
  }

  private static TrailEntry contact(ContactAttempt contact) {
    return new TrailEntry(contact.occurredAt(), Kind.CONTACT, contact.userId(), contact.template(),
        contact.channel() + " " + contact.outcome() + (contact.notes() == null ? "" : ": " + contact.notes()),
        details("channel", contact.channel(), "outcome", contact.outcome(), "template", contact.template(),
            "reference", contact.reference(), "notes", contact.notes(), "taskId", contact.taskId()));
  }

  /** A document as sent, with its size and SHA-256 so the file an auditor is shown can be proven the same. */
  private static TrailEntry document(CaseDocument document) {
    byte[] content = document.content();
    return new TrailEntry(document.createdAt(), Kind.DOCUMENT, null, document.kind(),
        document.kind() + " " + document.fileName() + " (" + content.length + " bytes)",
        details("documentId", document.id(), "fileName", document.fileName(), "contentType", document.contentType(),
            "size", content.length, "sha256", sha256(content)));
  }

  private static String sha256(byte[] content) {
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

  private static String describe(Map<String, Object> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(value));
    return text.toString();
  }

  private static Map<String, Object> details(Object... namesAndValues) {
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
