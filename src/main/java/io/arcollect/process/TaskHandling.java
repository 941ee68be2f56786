package io.arcollect.process;

import io.arcollect.casework.RefusedAttempts;
import io.arcollect.identity.StaffGroup;
import io.arcollect.system.UserError;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How tasks are handed on, as on any collections desk, and four eyes, for every user task (Spring task events):
 * <ul>
 *   <li>a collector unclaims, reassigns or delegates <em>their own</em> task, to a colleague of the task's
 *       department; a team lead of the department (group {@code <department>-leads}) reassigns any of its tasks.
 *       Camunda's TASK_ASSIGN right comes from IdentitySetup; the rules in words are here.</li>
 *   <li>four eyes: the extension property {@code fourEyesAgainst} names the process variable holding the user who
 *       may neither hold nor complete the task (the recorder of a plan, the proposer of a write-off). Refused
 *       when it is claimed or assigned to them and when they complete it; the attempt is written to the contact
 *       log in a transaction of its own, so it stays when the engine's is rolled back. The task stays free.</li>
 *   <li>{@code recordActorAs}: on completion, the user who completed the task is kept in the named process
 *       variable (e.g. planApprovedBy, writeOffProposedBy) for the four-eyes check of a later task.</li>
 *   <li>what the Tasklist filters show (case, customer, outstanding, days past due, strategy) is copied onto the
 *       task, because collectors may read their tasks but not the case's variables.</li>
 * </ul>
 */
@Component
class TaskHandling {

  /** Copied from the case's variables; days past due, of today's open invoices, comes with CaseContext.forTask. */
  static final List<String> LIST_COLUMNS = List.of("caseNumber", "customerName", "strategyName");

  private final RefusedAttempts refusals;

  TaskHandling(RefusedAttempts refusals) {
    this.refusals = refusals;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void created(DelegateTask task) {
    Map<String, Object> columns = new HashMap<>();
    for (String name : LIST_COLUMNS) {
      Object value = task.getVariable(name);
      if (value != null) {
        columns.put(name, value);
      }
    }
    if (!columns.isEmpty()) {
      task.setVariablesLocal(columns);
    }
  }

  @EventListener(condition = "#task.eventName == 'assignment'")
  public void assigned(DelegateTask task) {
    String actor = actor(task);
    if (actor == null || justCreated(task) || isAdmin(actor)) {
      return; // the engine itself (a key account's owner at creation), or an administrator freeing a task
    }
    String from = previousAssignee(task);
    String to = task.getAssignee();
    String forbidden = fourEyesUser(task);
    if (to != null && to.equals(forbidden)) {
      String message = to.equals(actor)
          ? "Four eyes: you (" + actor + ") " + whatTheyDid(task) + ", so a colleague must do this step; the task "
              + "stays free for them. 四眼原则：此步骤须由另一位同事处理。"
          : "Four eyes: " + to + " " + whatTheyDid(task) + " and may not do this step; choose another colleague. "
              + "四眼原则：请另选一位同事。";
      refuse(task, actor, message);
    }
    List<String> departments = departments(task);
    if (!departments.isEmpty() && !memberOfAny(actor, departments)) {
      throw UserError.forbidden("This is a task of " + names(departments) + ": only its people can take it or hand "
          + "it on. 此任务属于" + names(departments) + "部门。");
    }
    if (from != null && !from.equals(actor) && !leadOf(actor, departments)) {
      throw UserError.forbidden("This task is " + from + "'s: only " + from + " or a team lead of "
          + names(departments) + " can hand it on. 此任务属于 " + from + "，只有本人或组长可以转交。");
    }
    if (to != null && !to.equals(actor) && !departments.isEmpty() && !memberOfAny(to, departments)) {
      throw UserError.badInput(to + " is not in " + names(departments) + ": hand the task to a colleague of "
          + "the department. " + to + " 不在该部门，请转交给本部门同事。");
    }
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void completed(DelegateTask task) {
    String actor = FourEyes.actingUser(task);
    String forbidden = fourEyesUser(task);
    if (forbidden != null && forbidden.equals(actor)) {
      refuse(task, actor, "Four eyes: you (" + actor + ") " + whatTheyDid(task) + ", so a colleague must "
          + "complete this step. 四眼原则：此步骤须由另一位同事完成。");
    }
    String recordAs = property(task, "recordActorAs");
    if (recordAs != null && actor != null) {
      task.setVariable(recordAs, actor);
    }
  }

  private void refuse(DelegateTask task, String actor, String message) {
    String caseNumber = CaseVariables.caseNumber(task);
    if (caseNumber != null) {
      refusals.record(caseNumber, task.getTaskDefinitionKey(), task.getName(), actor, message,
          task.getProcessInstanceId(), task.getId());
    }
    throw UserError.forbidden(message);
  }

  private static String fourEyesUser(DelegateTask task) {
    String variable = property(task, "fourEyesAgainst");
    Object user = variable == null ? null : task.getVariable(variable);
    return user == null || user.toString().isBlank() ? null : user.toString();
  }

  private static String whatTheyDid(DelegateTask task) {
    String variable = property(task, "fourEyesAgainst");
    return switch (variable) {
      case "planRecordedBy" -> "recorded this instalment plan";
      case "writeOffProposedBy" -> "proposed this write-off";
      default -> "did the step this one checks";
    };
  }

  private static String actor(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static boolean justCreated(DelegateTask task) {
    var commandContext = Context.getCommandContext();
    return task instanceof TaskEntity entity && commandContext != null
        && commandContext.getDbEntityManager().getDbEntityCache().isTransient(entity);
  }

  private static String previousAssignee(DelegateTask task) {
    if (task instanceof TaskEntity entity) {
      PropertyChange change = entity.getPropertyChanges().get("assignee");
      if (change != null) {
        Object original = change.getOrgValue();
        return original == null ? null : original.toString();
      }
    }
    return null;
  }

  private static List<String> departments(DelegateTask task) {
    return AsEngine.inCommand(() -> task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList());
  }

  private static boolean leadOf(String user, List<String> departments) {
    return departments.stream().anyMatch(department -> memberOf(user, department + "-leads"));
  }

  private static boolean memberOfAny(String user, List<String> groups) {
    return groups.stream().anyMatch(group -> memberOf(user, group));
  }

  private static boolean isAdmin(String user) {
    return memberOf(user, Groups.CAMUNDA_ADMIN);
  }

  private static boolean memberOf(String user, String group) {
    return AsEngine.inCommand(() -> Context.getProcessEngineConfiguration().getIdentityService().createUserQuery()
        .userId(user).memberOfGroup(group).count() > 0);
  }

  private static String names(List<String> groups) {
    return groups.stream().map(id -> Arrays.stream(StaffGroup.values()).filter(g -> g.id().equals(id)).findFirst()
        .map(StaffGroup::displayName).orElse(id)).reduce((a, b) -> a + " or " + b).orElse("the department");
  }

  private static String property(DelegateTask task, String name) {
    return AsEngine.inCommand(() -> {
      UserTask element = task.getBpmnModelElementInstance();
      if (element == null || element.getExtensionElements() == null) {
        return null;
      }
      return element.getExtensionElements().getChildElementsByType(CamundaProperties.class).stream()
          .flatMap(p -> p.getCamundaProperties().stream())
          .filter(p -> Objects.equals(name, p.getCamundaName())).map(CamundaProperty::getCamundaValue)
          .findFirst().orElse(null);
    });
  }
}
