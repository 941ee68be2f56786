package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees which case (README): sally (sales) sees her own customers' cases and the cases whose tasks are or were in
 * her queue, through /api and through /engine-rest alike; a case of another owner's customer that only finance works
 * shows nowhere, not one of its variables, through any engine query.
 */
@ArcollectSpringBootTest
class CaseVisibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  private CaseWorld world;
  /** sally's own customer, the call in the sales queue. */
  private Case own;
  /** sam's customer, the call in the sales queue: sally sees it because it is in her queue. */
  private Case inQueue;
  /** sam's customer, grade D, the call in the finance queue: sally may not see it. */
  private Case hidden;

  @BeforeEach
  void threeCases() {
    world = new CaseWorld(context);
    own = world.openCase("STANDARD", "sally", "Software", 400, 600);
    inQueue = world.openCase("STANDARD", "sam", "Software", 400, 600);
    hidden = world.openCaseOverCreditLimit("sam");
    assertThat(tasks.createTaskQuery().processInstanceId(hidden.instance().getId()).taskCandidateGroup("finance").count())
        .as("the hidden case's call waits in the finance queue").isOne();
    assertThat(tasks.createTaskQuery().processInstanceId(hidden.instance().getId()).taskCandidateGroup("sales").count())
        .isZero();
  }

  @Test
  void salesSeeTheirCustomersCasesAndTheirQueuesCasesOnTheApiAndNoOtherCase() throws Exception {
    assertThat(get("sally", "/api/cases/" + own.number()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("sally", "/api/cases/" + inQueue.number()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("sally", "/api/cases/" + inQueue.number() + "/trail").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("sally", "/api/cases/" + hidden.number()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("sally", "/api/cases/" + hidden.number() + "/trail").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("sally", "/api/cases/" + hidden.number() + "/path").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    String list = get("sally", "/api/cases?size=1000").getBody();
    assertThat(list).contains(own.number(), inQueue.number()).doesNotContain(hidden.number());
    assertThat(get("sally", "/api/case-history?q=" + hidden.account()).getBody()).isEqualTo("[]");
    assertThat(get("sally", "/api/case-history?q=" + inQueue.account()).getBody()).contains(inQueue.number());

    // the ledger likewise: her own customers, not others'
    assertThat(get("sally", "/api/customers?size=1000").getBody()).contains(own.account())
        .doesNotContain(hidden.account(), inQueue.account());
    assertThat(get("sally", "/api/customers/" + hidden.account() + "/invoices").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // finance sees every case, on /api and on /engine-rest
    assertThat(get("frank", "/api/cases/" + hidden.number()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("frank", "/engine-rest/variable-instance?processInstanceIdIn=" + hidden.instance().getId()).getBody())
        .contains(hidden.account());

    // the case stays visible to sales once its task is done (worked by a colleague): it was in their queue
    world.complete(inQueue, "sam", java.util.Map.of("contactOutcome", "REACHED", "notes", "Pays on Friday"));
    assertThat(get("sally", "/api/cases/" + inQueue.number()).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void salesFindNoVariableOfACaseTheyMayNotSeeThroughAnyEngineQuery() throws Exception {
    String pid = hidden.instance().getId();
    Task financeCall = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    String customerName = jdbc.queryForObject("select name from customers where account_number = ?", String.class,
        hidden.account());
    List<String> queries = new ArrayList<>(List.of(
        "/task", "/task?processInstanceId=" + pid, "/task/count",
        "/task/" + financeCall.getId(), "/task/" + financeCall.getId() + "/variables",
        "/task/" + financeCall.getId() + "/localVariables", "/task/" + financeCall.getId() + "/form-variables",
        "/task/" + financeCall.getId() + "/variables/customerName", "/task/" + financeCall.getId() + "/comment",
        "/task/" + financeCall.getId() + "/identity-links",
        "/variable-instance", "/variable-instance?processInstanceIdIn=" + pid,
        "/variable-instance?variableName=customerName", "/variable-instance?variableName=invoiceTable",
        "/process-instance", "/process-instance/" + pid, "/process-instance/" + pid + "/variables",
        "/process-instance/" + pid + "/activity-instances", "/execution?processInstanceId=" + pid,
        "/history/process-instance", "/history/process-instance/" + pid,
        "/history/task", "/history/task?processInstanceId=" + pid,
        "/history/variable-instance", "/history/variable-instance?processInstanceId=" + pid,
        "/history/variable-instance?variableName=customerName",
        "/history/detail", "/history/detail?processInstanceId=" + pid,
        "/history/activity-instance?processInstanceId=" + pid,
        "/history/decision-instance?includeInputs=true&includeOutputs=true",
        "/history/decision-instance?processInstanceId=" + pid + "&includeInputs=true&includeOutputs=true",
        "/history/identity-link-log", "/history/user-operation", "/history/incident", "/history/job-log",
        "/history/external-task-log", "/job", "/incident", "/event-subscription", "/external-task",
        "/filter"));
    for (JsonNode filter : JSON.readTree(get("sally", "/engine-rest/filter").getBody())) {
      queries.add("/filter/" + filter.path("id").asText() + "/list");
    }

    List<String> secrets = List.of(hidden.account(), hidden.number(), customerName);
    for (String query : queries) {
      for (String accept : List.of("application/json", "application/hal+json")) {
        ResponseEntity<String> answer = get("sally", "/engine-rest" + query, accept);
        String body = answer.getBody() == null ? "" : answer.getBody();
        assertThat(answer.getStatusCode().is5xxServerError()).as(query + ": " + body).isFalse();
        for (String secret : secrets) {
          assertThat(body).as("sally's answer to " + query + " (" + accept + ")").doesNotContain(secret);
        }
        if (answer.getStatusCode().is2xxSuccessful()) {
          assertThat(body).as("sally's answer to " + query).doesNotContain(pid).doesNotContain(financeCall.getId());
        }
      }
    }

    // the same queries do show what she may see: her queue's case, and finance's case to finance
    String queueTask = tasks.createTaskQuery().processInstanceId(inQueue.instance().getId()).singleResult().getId();
    assertThat(get("sally", "/engine-rest/task/" + queueTask + "/variables").getBody()).contains(inQueue.account());
    assertThat(get("frank", "/engine-rest/task/" + financeCall.getId() + "/variables").getBody())
        .contains(hidden.account());
    assertThat(get("frank", "/engine-rest/history/variable-instance?processInstanceId=" + pid).getBody())
        .contains(hidden.account());
  }

  private ResponseEntity<String> get(String user, String url) {
    return get(user, url, "application/json");
  }

  private ResponseEntity<String> get(String user, String url, String accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, accept);
    return rest.withBasicAuth(user, user).exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
