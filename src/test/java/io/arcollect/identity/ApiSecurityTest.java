package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ArcollectSpringBootTest
class ApiSecurityTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  private ProcessInstance legalReview;
  private Task legalTask;

  @BeforeEach
  void aLegalTaskIsWaiting() {
    repositoryService.createDeployment().name("security-test")
        .addModelInstance("legal-review.bpmn", Bpmn.createExecutableProcess("security-test-legal-review")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Review").name("Review dossier").camundaCandidateGroups("legal")
            .endEvent()
            .done())
        .enableDuplicateFiltering(true)
        .deploy();
    legalReview = runtimeService.startProcessInstanceByKey("security-test-legal-review");
    legalTask = taskService.createTaskQuery().processInstanceId(legalReview.getId()).singleResult();
  }

  @Test
  void anonymousCallersAreTurnedAwayFromEveryApi() {
    assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // an unknown user: a demo user's wrong password would lock that account for the other tests
    assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/api/me", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void healthIsPublicButTheRestOfActuatorIsForAdmins() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("sally", "sally").getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theApiKnowsWhoIsCalling() {
    ResponseEntity<Map> me = rest.withBasicAuth("fiona", "fiona").getForEntity("/api/me", Map.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody()).containsEntry("userId", "fiona");
    assertThat((java.util.List<String>) me.getBody().get("groups")).containsExactly("finance");
  }

  @Test
  void salesCannotReadALegalTaskThatLegalCanRead() {
    String url = "/engine-rest/task/" + legalTask.getId();
    ResponseEntity<String> asSales = rest.withBasicAuth("sally", "sally").getForEntity(url, String.class);
    // the engine hides what a user may not read
    assertThat(asSales.getStatusCode()).as(asSales.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("sally", "sally").getForObject(
        "/engine-rest/task?processInstanceId=" + legalReview.getId(), String.class)).isEqualTo("[]");
    ResponseEntity<String> asLegal = rest.withBasicAuth("larry", "larry").getForEntity(url, String.class);
    assertThat(asLegal.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asLegal.getBody()).contains("Review dossier");
  }

  @Test
  void anAuditorReadsHistoryButCannotCompleteATask() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> complete = rest.withBasicAuth("audrey", "audrey").exchange(
        "/engine-rest/task/" + legalTask.getId() + "/complete", HttpMethod.POST,
        new HttpEntity<>("{\"variables\":{}}", headers), String.class);

    assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(legalTask.getId()).count()).isEqualTo(1);

    ResponseEntity<String> history = rest.withBasicAuth("audrey", "audrey").getForEntity(
        "/engine-rest/history/process-instance?processInstanceId=" + legalReview.getId(), String.class);
    assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(history.getBody()).contains(legalReview.getId());
    // legal, by contrast, may complete its own task
    ResponseEntity<String> byLegal = rest.withBasicAuth("larry", "larry").exchange(
        "/engine-rest/task/" + legalTask.getId() + "/complete", HttpMethod.POST,
        new HttpEntity<>("{\"variables\":{}}", headers), String.class);
    assertThat(byLegal.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(legalReview.getId())
        .completed().count()).isEqualTo(1);
  }
}
