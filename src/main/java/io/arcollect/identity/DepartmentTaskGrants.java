package io.arcollect.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default task authorizations (a task's candidate group gets READ and TASK_WORK on the task, and READ on
 * its history), except that a department which reads every task of every case through its rights on the process
 * definitions ({@link IdentitySetup#READS_EVERY_CASE}: finance, legal) gets no per-task READ: only the right to work
 * the task, which stays per task, so frank still cannot claim a legal task.
 *
 * <p>Issue 17: a task query of a user joins every authorization of the user's groups that grants READ on a task or
 * READ_TASK on a definition, by {@code RESOURCE_ID_ in (task id, definition key, '*')}. An OR that PostgreSQL can
 * only answer by comparing each task with each such authorization: with a per-task READ for each of finance's
 * 70,000 open tasks, the count of frank's "My department" took minutes. Without them the join has a few rows.
 */
class DepartmentTaskGrants extends DefaultAuthorizationProvider {

  private static final Set<String> READ_BY_DEFINITION = IdentitySetup.READS_EVERY_CASE.stream().map(StaffGroup::id)
      .collect(Collectors.toUnmodifiableSet());

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
    AuthorizationEntity[] authorizations = super.createOrUpdateAuthorizations(task, groupId, userId);
    if (groupId != null && READ_BY_DEFINITION.contains(groupId)) {
      for (AuthorizationEntity authorization : authorizations) {
        if (authorization.getResourceType() == Resources.TASK.resourceType()) {
          authorization.removePermission(Permissions.READ);
        }
      }
    }
    return authorizations;
  }
}
