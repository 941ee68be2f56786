package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Process owners change models and read everything but work no department's tasks, also on a database that an older
 * start-up gave ALL on the definitions; a process owner who is also in a department works that department's tasks.
 */
@ArcollectSpringBootTest
class ProcessOwnerRightsTest {

  @Autowired TestRestTemplate rest;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentitySetup setup;

  @AfterEach
  void paulaIsAProcessOwnerOnly() {
    if (identity.createUserQuery().userId("paula").memberOfGroup("finance").count() > 0) {
      identity.deleteMembership("paula", "finance");
    }
    setup.run(null); // the rights as shipped, for the tests after this one, whatever this one left
  }

  @Test
  void anOlderStartUpsAllOnTheDefinitionsLosesTheTaskRightsAtTheNextStartUp() {
    Authorization owners = ownersOnDefinitions();
    owners.setPermissions(new org.camunda.bpm.engine.authorization.Permission[] {Permissions.ALL});
    authorizations.saveAuthorization(owners);
    String task = financeTask();
    assertThat(complete("paula", task).getStatusCode()).as("with ALL, as before").isEqualTo(HttpStatus.NO_CONTENT);

    setup.run(null);

    Authorization now = ownersOnDefinitions();
    assertThat(now.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isFalse();
    assertThat(now.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_TASK)).isFalse();
    assertThat(now.isPermissionGranted(ProcessDefinitionPermissions.TASK_ASSIGN)).isFalse();
    assertThat(now.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE)).isTrue();
    assertThat(now.isPermissionGranted(ProcessDefinitionPermissions.UPDATE)).isTrue();
    assertThat(now.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();
    String next = financeTask();
    ResponseEntity<String> refused = complete("paula", next);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskId(next).count()).as("the task still waits").isOne();
    assertThat(rest.withBasicAuth("paula", "paula").getForEntity("/engine-rest/task/" + next + "/variables",
        String.class).getStatusCode()).as("but she reads it").isEqualTo(HttpStatus.OK);

    // a process owner who is also in finance works finance's tasks
    identity.createMembership("paula", "finance");
    String hers = financeTask();
    assertThat(complete("paula", hers).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private Authorization ownersOnDefinitions() {
    return authorizations.createAuthorizationQuery().groupIdIn(StaffGroup.PROCESS_OWNERS.id())
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
  }

  private String financeTask() {
    repository.createDeployment().name("process-owner-rights").enableDuplicateFiltering(true)
        .addModelInstance("owner-rights.bpmn", Bpmn.createExecutableProcess("process-owner-rights")
            .camundaHistoryTimeToLive(1).startEvent().userTask().camundaCandidateGroups("finance").endEvent().done())
        .deploy();
    String instance = runtime.startProcessInstanceByKey("process-owner-rights", Map.of()).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private ResponseEntity<String> complete(String user, String task) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/engine-rest/task/" + task + "/complete", HttpMethod.POST,
        new HttpEntity<>("{\"variables\":{}}", headers), String.class);
  }
}
