package io.arcollect.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.arcollect.system.ArcollectProperties;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates groups, authorizations and Tasklist filters at start-up, and the users: the demo users in the
 * {@code demo} profile, otherwise only the administrator from ARCOLLECT_ADMIN_USER / _PASSWORD.
 * Every step looks before it creates, so restarts and several nodes starting together change nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentitySetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  /**
   * What only the people of a department do with a task; process owners and auditors do none of it. (With ALL and NONE,
   * which are no single right, so that the rest of the definition's permissions is what a process owner gets.)
   */
  static final java.util.Set<Permission> DEPARTMENT_WORK = java.util.Set.of(ProcessDefinitionPermissions.TASK_WORK,
      ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_ASSIGN,
      ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE, ProcessDefinitionPermissions.ALL,
      ProcessDefinitionPermissions.NONE);

  /**
   * Departments that read every case, its tasks, variables and history (README, who sees which case); their Tasklist
   * filters still show their own department's work, and they work only their department's tasks.
   */
  static final List<StaffGroup> READS_EVERY_CASE = List.of(StaffGroup.FINANCE, StaffGroup.LEGAL);

  /** Demo users: password = user id. */
  static final Map<String, String> DEMO_USERS = Map.of(
      "admin", Groups.CAMUNDA_ADMIN,
      "sally", StaffGroup.SALES.id(),
      "frank", StaffGroup.FINANCE.id(),
      "fiona", StaffGroup.FINANCE.id(),
      "larry", StaffGroup.LEGAL.id(),
      "lena", StaffGroup.LEGAL.id(),
      "fred", StaffGroup.FINANCE.id(),
      "sam", StaffGroup.SALES.id(),
      "audrey", StaffGroup.AUDITORS.id(),
      "paula", StaffGroup.PROCESS_OWNERS.id());

  /** Demo team leads (also members of their department above): lead → department. */
  static final Map<String, StaffGroup> DEMO_LEADS = Map.of("fred", StaffGroup.FINANCE, "sam", StaffGroup.SALES);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final boolean demo;
  private final ArcollectProperties.Admin admin;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, org.springframework.jdbc.core.JdbcTemplate jdbc,
      Environment environment, ArcollectProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    this.admin = properties.admin();
    if (!demo && (admin == null || !StringUtils.hasText(admin.user()) || !StringUtils.hasText(admin.password()))) {
      throw new MissingAdminAccountException();
    }
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    group(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
    for (StaffGroup group : StaffGroup.values()) {
      group(group.id(), group.displayName(), Groups.GROUP_TYPE_WORKFLOW);
    }
    for (StaffGroup department : StaffGroup.departments()) {
      group(department.leadsGroupId(), department.displayName() + " team leads", Groups.GROUP_TYPE_WORKFLOW);
    }
    authorizations();
    filters();
    if (demo) {
      DEMO_USERS.forEach((userId, groupId) -> user(userId, userId, groupId));
      DEMO_LEADS.forEach((userId, department) -> user(userId, userId, department.leadsGroupId()));
    } else {
      user(admin.user(), admin.password(), Groups.CAMUNDA_ADMIN);
    }
  }

  private void authorizations() {
    // as Camunda's own admin set-up does: the admin group may do everything, in every webapp
    for (Resources resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (StaffGroup department : StaffGroup.departments()) {
      grant(department.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // reading definitions lets Tasklist show process names and the deployed forms
      grant(department.id(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(department.id(), Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      // task rights come from the candidate group: the engine grants them per task (default authorizations,
      // also on the task's history, so comments work; READ only where the definitions do not already give it,
      // DepartmentTaskGrants); handing a task on (unclaim, assign, delegate) is granted
      // on the definitions and narrowed to the own department and own tasks, leads any task, by process.TaskHandling
      grant(department.id(), Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.TASK_ASSIGN);
      // whom a task can be handed to: Tasklist checks the user id, and shows the groups' names
      grant(department.id(), Resources.USER, ANY, Permissions.READ);
      grant(department.id(), Resources.GROUP, ANY, Permissions.READ);
    }
    // who sees which case (README): finance and legal read every case, its tasks, variables and history, as they
    // do through /api/cases (their Tasklist filters still show their own department's work); sales read a case only
    // through the tasks that are or were in their queue (the engine's per-task grants), which is how
    // casework.CaseVisibility counts the cases they see
    for (StaffGroup everyCase : READS_EVERY_CASE) {
      grant(everyCase.id(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
          Permissions.READ_TASK);
      grant(everyCase.id(), Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
    }
    withoutTaskReadsOfEarlierStartUps();

    String auditors = StaffGroup.AUDITORS.id();
    grant(auditors, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auditors, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(auditors, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE, Permissions.READ_TASK);
    grant(auditors, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(auditors, Resources.TASK, ANY, Permissions.READ);
    grant(auditors, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditors, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(auditors, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(auditors, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);

    String owners = StaffGroup.PROCESS_OWNERS.id();
    grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(owners, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(owners, Resources.DEPLOYMENT, ANY, Permissions.ALL);
    // everything on the models and their instances but the work of a department: no claiming, completing, handing
    // on or filling in tasks (a process owner who is also in a department gets those with the department's tasks).
    // Exactly these, so that an older start-up's ALL loses the task rights
    grantExactly(owners, Resources.PROCESS_DEFINITION, ANY, Arrays.stream(ProcessDefinitionPermissions.values())
        .filter(permission -> !DEPARTMENT_WORK.contains(permission)).toArray(Permission[]::new));
    grant(owners, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
    grant(owners, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
    grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
    grant(owners, Resources.BATCH, ANY, Permissions.ALL);
    grant(owners, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    grant(owners, Resources.TASK, ANY, Permissions.READ);
  }

  /**
   * Tasks created before {@link DepartmentTaskGrants} gave finance and legal a per-task READ next to their READ_TASK on
   * the definitions: taken off, as the engine grants new tasks, so their Tasklist filters are fast at once.
   */
  private void withoutTaskReadsOfEarlierStartUps() {
    List<String> groups = READS_EVERY_CASE.stream().map(StaffGroup::id).toList();
    int updated = jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = PERMS_ - 2, REV_ = REV_ + 1 where TYPE_ = 1 "
        + "and RESOURCE_TYPE_ = " + Resources.TASK.resourceType() + " and GROUP_ID_ in ("
        + String.join(", ", java.util.Collections.nCopies(groups.size(), "?")) + ") and mod(PERMS_ / 2, 2) = 1",
        groups.toArray());
    if (updated > 0) {
      log.info("Took the per-task READ off {} task authorizations of {} (they read every task by definition)", updated,
          groups);
    }
  }

  private void filters() {
    // task-local copies (process.TaskHandling): collectors may read their tasks, not the whole case
    String caseVariables = "caseNumber,Case;customerName,Customer;outstandingDisplay,Outstanding;"
        + "daysPastDue,Days past due;strategyName,Strategy";
    filter("My tasks", "Tasks assigned to me, the most urgent first", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .orderByTaskPriority().desc().orderByDueDate().asc(), caseVariables);
    filter("My department", "Open tasks of my department, assigned or not, the most urgent first", -5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByTaskPriority().desc().orderByDueDate().asc(),
        caseVariables);
    filter("Due today", "My department's tasks due by the end of today, overdue ones first", 0,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1)}").orderByDueDate().asc(),
        caseVariables);
    filter("Overdue", "My department's tasks past their due date", 5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc(),
        caseVariables);
    // a task's follow-up date is the promised date of its case's open or broken promise (process.TaskContext)
    filter("Promises due", "My department's cases with a promise to pay due today or earlier, or broken", 7,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .followUpBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1)}").orderByFollowUpDate().asc(),
        caseVariables + ";promiseStatus,Promise");
    filter("Disputes", "My department's cases with disputed invoices, the disputes to resolve among them", 8,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .taskVariableValueEquals("hasDisputedInvoices", true),
        caseVariables);
  }

  private void filter(String name, String description, int priority, TaskQuery query, String variables) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name)
          .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
              "variables", shownVariables(variables)))
          .setQuery(query);
      filterService.saveFilter(filter);
      log.info("Created Tasklist filter '{}'", name);
    } else if (!shownVariables(variables).equals(filter.getProperties().get("variables"))) {
      // an older start-up's columns: the ones collectors can read now, and the order of the list
      Map<String, Object> properties = new java.util.HashMap<>(filter.getProperties());
      properties.put("variables", shownVariables(variables));
      properties.put("description", description);
      filter.setProperties(properties);
      filter.setQuery(query);
      filterService.saveFilter(filter);
      log.info("Updated Tasklist filter '{}'", name);
    }
    for (StaffGroup group : StaffGroup.values()) {
      grant(group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static List<Map<String, String>> shownVariables(String variables) {
    return java.util.Arrays.stream(variables.split(";"))
        .map(pair -> pair.split(","))
        .map(pair -> Map.of("name", pair[0], "label", pair[1]))
        .toList();
  }

  private void group(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
      log.info("Created group '{}'", id);
    }
  }

  private void user(String id, String password, String groupId) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
      user.setLastName(demo ? "(demo)" : "");
      user.setEmail(id + "@arcollect.example");
      user.setPassword(password);
      identityService.saveUser(user);
      log.info("Created user '{}'", id);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(id, groupId);
    }
  }

  /** Like {@link #grant}, but the group ends up with these permissions only (an older start-up's others removed). */
  private void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (existing == null) {
      grant(groupId, resource, resourceId, permissions);
      return;
    }
    Authorization wanted = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    wanted.setResource(resource);
    wanted.setPermissions(permissions);
    Permission[] every = ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType());
    if (!java.util.Set.of(existing.getPermissions(every)).equals(java.util.Set.of(wanted.getPermissions(every)))) {
      existing.setPermissions(permissions);
      authorizationService.saveAuthorization(existing);
      log.info("Set the permissions of group '{}' on {} {} to {}", groupId, resource.resourceName(), resourceId,
          Arrays.toString(permissions));
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
