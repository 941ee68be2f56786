package io.arcollect.identity;

import io.arcollect.system.UserError;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own user and group store, refusing in words what the database would refuse with a constraint
 * violation (an answer 500 with SQL in it): a user, group or tenant that exists already, a membership that
 * exists already, members who are not there. Whoever asks is checked for the permission first, as Camunda does,
 * so a refusal tells nothing to someone who may not change the directory. Whoever manages users (Admin webapp,
 * /engine-rest, code) goes through here: it is the engine's identity provider (see {@link IdentityEnginePlugin}).
 */
public class StaffDirectory extends DbIdentityServiceProvider {

  @Override
  public IdentityOperationResult saveUser(User user) {
    if (((UserEntity) user).getRevision() == 0) {
      checkAuthorization(Permissions.CREATE, Resources.USER, null);
      if (exists(UserEntity.class, user.getId())) {
        throw UserError.conflict("There is a user '" + user.getId() + "' already.");
      }
    }
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    if (((GroupEntity) group).getRevision() == 0) {
      checkAuthorization(Permissions.CREATE, Resources.GROUP, null);
      if (exists(GroupEntity.class, group.getId())) {
        throw UserError.conflict("There is a group '" + group.getId() + "' already.");
      }
    }
    return super.saveGroup(group);
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    if (((TenantEntity) tenant).getRevision() == 0) {
      checkAuthorization(Permissions.CREATE, Resources.TENANT, null);
      if (exists(TenantEntity.class, tenant.getId())) {
        throw UserError.conflict("There is a tenant '" + tenant.getId() + "' already.");
      }
    }
    return super.saveTenant(tenant);
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    checkAuthorization(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, groupId);
    userMustExist(userId);
    if (!exists(GroupEntity.class, groupId)) {
      throw UserError.notFound("There is no group '" + groupId + "'.");
    }
    if (existsMembership(userId, groupId)) {
      throw UserError.conflict(userId + " is a member of group '" + groupId + "' already.");
    }
    return super.createMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    checkAuthorization(Permissions.CREATE, Resources.TENANT_MEMBERSHIP, tenantId);
    tenantMustExist(tenantId);
    userMustExist(userId);
    if (existsTenantMembership(tenantId, userId, null)) {
      throw UserError.conflict(userId + " is a member of tenant '" + tenantId + "' already.");
    }
    return super.createTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    checkAuthorization(Permissions.CREATE, Resources.TENANT_MEMBERSHIP, tenantId);
    tenantMustExist(tenantId);
    if (!exists(GroupEntity.class, groupId)) {
      throw UserError.notFound("There is no group '" + groupId + "'.");
    }
    if (existsTenantMembership(tenantId, null, groupId)) {
      throw UserError.conflict("Group '" + groupId + "' is a member of tenant '" + tenantId + "' already.");
    }
    return super.createTenantGroupMembership(tenantId, groupId);
  }

  private void userMustExist(String userId) {
    if (!exists(UserEntity.class, userId)) {
      throw UserError.notFound("There is no user '" + userId + "'.");
    }
  }

  private void tenantMustExist(String tenantId) {
    if (!exists(TenantEntity.class, tenantId)) {
      throw UserError.notFound("There is no tenant '" + tenantId + "'.");
    }
  }

  /** Without the caller's READ permission: the caller's right to create was checked already. */
  private boolean exists(Class<? extends org.camunda.bpm.engine.impl.db.DbEntity> type, String id) {
    return id != null && getDbEntityManager().selectById(type, id) != null;
  }
}
