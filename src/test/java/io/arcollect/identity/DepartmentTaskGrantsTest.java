package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17: finance and legal read every task through their rights on the definitions, so a task of their queue
 * grants them only the work (DepartmentTaskGrants): the per-task READ that made their Tasklist filters slow is not
 * written. Checked as the people who work the tasks: frank still finds, counts and claims his queue's task, larry
 * (legal) reads it but may not claim it, sally (sales) neither; a sales task keeps its per-task READ.
 */
@ArcollectSpringBootTest
class DepartmentTaskGrantsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentitySetup setup;

  private Case financeCase;
  private String financeCall;

  @BeforeEach
  void aCallInTheFinanceQueue() {
    financeCase = new CaseWorld(context).openCaseOverCreditLimit("sam");
    financeCall = tasks.createTaskQuery().processInstanceId(financeCase.instance().getId()).taskCandidateGroup("finance")
        .singleResult().getId();
  }

  @Test
  void financeGetsTheWorkOfItsQueuesTaskWithoutAPerTaskReadAndStillFindsCountsAndClaimsIt() throws Exception {
    Authorization grant = taskGrant("finance", financeCall);
    assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK)).as("finance may work its task").isTrue();
    assertThat(grant.isPermissionGranted(Permissions.READ)).as("no per-task READ for finance").isFalse();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(financeCall)
        .groupIdIn("finance").count()).as("the task's history (comments) is still granted per task").isOne();

    // a sales task keeps the per-task READ: sales read no case by definition
    Case salesCase = new CaseWorld(context).openCase("STANDARD", "sally", "Software", 400, 600);
    String salesCall = tasks.createTaskQuery().processInstanceId(salesCase.instance().getId()).singleResult().getId();
    assertThat(taskGrant("sales", salesCall).isPermissionGranted(Permissions.READ)).isTrue();

    String myDepartment = filters.createFilterQuery().filterName("My department").singleResult().getId();
    String thisCase = "{\"processInstanceId\":\"" + financeCase.instance().getId() + "\"}";
    assertThat(call("frank", HttpMethod.GET, "/engine-rest/task/" + financeCall, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(call("frank", HttpMethod.POST, "/engine-rest/filter/" + myDepartment + "/list", thisCase)
        .getBody()).findValuesAsText("id")).as("frank's My department").contains(financeCall);
    assertThat(JSON.readTree(call("frank", HttpMethod.POST, "/engine-rest/filter/" + myDepartment + "/count", thisCase)
        .getBody()).path("count").asInt()).isOne();
    assertThat(JSON.readTree(call("sally", HttpMethod.POST, "/engine-rest/filter/" + myDepartment + "/count", thisCase)
        .getBody()).path("count").asInt()).as("not in sally's").isZero();

    // reading is not working: legal reads every case, but the call is finance's
    assertThat(call("larry", HttpMethod.GET, "/engine-rest/task/" + financeCall, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(claim("larry").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(claim("sally").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskId(financeCall).singleResult().getAssignee()).isNull();

    assertThat(claim("frank").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(financeCall).singleResult().getAssignee()).isEqualTo("frank");
    assertThat(call("frank", HttpMethod.POST, "/engine-rest/task/" + financeCall + "/comment/create",
        "{\"message\":\"Called, no answer\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anEarlierStartUpsPerTaskReadOfFinanceIsTakenOffAtTheNextStartUp() {
    String id = taskGrant("finance", financeCall).getId();
    jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = PERMS_ + 2 where ID_ = ?", id);
    assertThat(taskGrant("finance", financeCall).isPermissionGranted(Permissions.READ)).as("as written before").isTrue();
    int revision = jdbc.queryForObject("select REV_ from ACT_RU_AUTHORIZATION where ID_ = ?", Integer.class, id);

    setup.run(null);

    Authorization grant = taskGrant("finance", financeCall);
    assertThat(grant.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(jdbc.queryForObject("select REV_ from ACT_RU_AUTHORIZATION where ID_ = ?", Integer.class, id))
        .isEqualTo(revision + 1);
    assertThat(claim("frank").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private Authorization taskGrant(String group, String task) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).groupIdIn(group)
        .singleResult();
  }

  private ResponseEntity<String> claim(String user) {
    return call(user, HttpMethod.POST, "/engine-rest/task/" + financeCall + "/claim", "{\"userId\":\"" + user + "\"}");
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String url, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    return rest.withBasicAuth(user, user).exchange(url, method, new HttpEntity<>(json, headers), String.class);
  }
}
