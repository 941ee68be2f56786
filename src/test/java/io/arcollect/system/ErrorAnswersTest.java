package io.arcollect.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Error answers as users get them: one problem shape on /api and /engine-rest, written for people, with a
 * correlation id that leads to the details in the log; a {@link UserError} thrown deep inside the engine reaches
 * the caller as its own words; identity mistakes answer 4xx instead of a database error.
 */
@ArcollectSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  /** A step that refuses every completion, as a case step refuses a bad submission. */
  public static class RefusingStep implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      throw UserError.badInput("Promised date: \"next week\" is not a date; give it as 2025-06-30.");
    }
  }

  /** A step whose listener fails as a database does when a value does not fit its column. */
  public static class FailingStep implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      throw new org.springframework.dao.DataIntegrityViolationException("could not execute statement [insert into "
          + "contact_log (notes) values (?)]; SQL state 22001: value too long for type character varying(4000)",
          new java.sql.SQLDataException("ERROR: value too long for type character varying(4000)"));
    }
  }

  @Test
  void aFailureInsideTheEngineDuringCompleteIsA500WithoutClassNamesOrSqlAndTheLogHasItsCorrelationId(CapturedOutput log)
      throws Exception {
    repository.createDeployment().name("error-answers-failing")
        .addModelInstance("failing.bpmn", Bpmn.createExecutableProcess("error-answers-failing")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Fails").camundaCandidateGroups("legal")
            .camundaTaskListenerClass("complete", FailingStep.class.getName())
            .endEvent()
            .done())
        .enableDuplicateFiltering(true).deploy();
    String instance = runtime.startProcessInstanceByKey("error-answers-failing").getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();

    ResponseEntity<String> answer = post("larry", "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{\"notes\":{\"value\":\"A long note\"}}}");

    JsonNode problem = problem(answer, 500);
    String id = problem.get("correlationId").asText();
    assertThat(problem.get("detail").asText()).isEqualTo(
        "Something went wrong on our side. The details are in the server log under correlation id " + id + ".");
    assertThat(problem.get("message").asText()).as("what Tasklist shows").isEqualTo(problem.get("detail").asText());
    assertThat(answer.getBody()).doesNotContain("contact_log", "varchar", "varying", "DataIntegrity", "insert into");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
    assertThat(log.getOut()).as("the details are in the log under the id").contains("[correlation id " + id + "]")
        .contains("value too long for type character varying(4000)");
  }

  @Test
  void aRefusalInsideTheEngineReachesTheCallerInItsOwnWordsAndTheTaskStaysOpen(CapturedOutput log) throws Exception {
    repository.createDeployment().name("error-answers-test")
        .addModelInstance("refusing.bpmn", Bpmn.createExecutableProcess("error-answers-refusing")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Refuses").camundaCandidateGroups("legal")
            .camundaTaskListenerClass("complete", RefusingStep.class.getName())
            .endEvent()
            .done())
        .enableDuplicateFiltering(true).deploy();
    String instance = runtime.startProcessInstanceByKey("error-answers-refusing").getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();

    ResponseEntity<String> answer = post("larry", "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{\"promisedDate\":{\"value\":\"next week\"}}}");

    JsonNode problem = problem(answer, 400);
    assertThat(problem.get("detail").asText()).isEqualTo("Promised date: \"next week\" is not a date; give it as 2025-06-30.");
    assertThat(problem.get("message").asText()).as("what Camunda's clients show").isEqualTo(problem.get("detail").asText());
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(runtime.getVariable(instance, "promisedDate")).as("nothing of the submission stayed").isNull();
    assertThat(log.getOut()).contains(problem.get("correlationId").asText());
  }

  @Test
  void aBrokenBodyIsAnsweredWithWhereItBrokeNotWithTheParsersInternals() throws Exception {
    JsonNode engine = problem(post("sally", "/engine-rest/task", "{\"processInstanceId\":"), 400);
    assertThat(engine.get("detail").asText()).startsWith("The request body is not valid JSON (line 1");
    JsonNode wrongShape = problem(post("sally", "/engine-rest/task", "{\"active\":{\"a\":1}}"), 400);
    assertThat(wrongShape.get("detail").asText()).contains("'active'");
    JsonNode api = problem(post("frank", "/api/payments", "{\"amount\":"), 400);
    assertThat(api.get("detail").asText()).startsWith("The request body is not valid JSON");
  }

  @Test
  void unknownAddressesAnswerInTheSameShapeOnBothApis() throws Exception {
    JsonNode engine = problem(rest.withBasicAuth("sally", "sally").getForEntity("/engine-rest/no-such-thing", String.class), 404);
    JsonNode api = problem(rest.withBasicAuth("sally", "sally").getForEntity("/api/no-such-thing", String.class), 404);
    assertThat(engine.get("instance").asText()).isEqualTo("/engine-rest/no-such-thing");
    assertThat(api.get("instance").asText()).isEqualTo("/api/no-such-thing");
    JsonNode anonymous = problem(rest.getForEntity("/engine-rest/task", String.class), 401);
    assertThat(anonymous.get("detail").asText()).startsWith("Log in first");
  }

  @Test
  void identityMistakesAreAnsweredInWordsNotWithADatabaseError() throws Exception {
    // admin is in camunda-admin from the start
    JsonNode twice = problem(put("admin", "/engine-rest/group/camunda-admin/members/admin"), 409);
    assertThat(twice.get("detail").asText()).isEqualTo("admin is a member of group 'camunda-admin' already.");
    JsonNode unknownUser = problem(put("admin", "/engine-rest/group/sales/members/no.such.user"), 404);
    assertThat(unknownUser.get("detail").asText()).isEqualTo("There is no user 'no.such.user'.");
    JsonNode unknownGroup = problem(put("admin", "/engine-rest/group/no-such-group/members/sally"), 404);
    assertThat(unknownGroup.get("detail").asText()).isEqualTo("There is no group 'no-such-group'.");
    JsonNode existingUser = problem(post("admin", "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"sally\",\"firstName\":\"S\",\"lastName\":\"S\"},\"credentials\":{\"password\":\"x\"}}"), 409);
    assertThat(existingUser.get("detail").asText()).isEqualTo("There is a user 'sally' already.");
    JsonNode existingGroup = problem(post("admin", "/engine-rest/group/create",
        "{\"id\":\"finance\",\"name\":\"Finance\",\"type\":\"WORKFLOW\"}"), 409);
    assertThat(existingGroup.get("detail").asText()).isEqualTo("There is a group 'finance' already.");
  }

  @Test
  void salesCannotMakeHerselfAnAdministrator() throws Exception {
    JsonNode joinAdmins = problem(put("sally", "/engine-rest/group/camunda-admin/members/sally"), 403);
    assertThat(joinAdmins.get("detail").asText()).isEqualTo(
        "You may not do this: it needs the permission CREATE on group membership 'camunda-admin'.");
    problem(post("sally", "/engine-rest/authorization/create",
        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"sally\",\"resourceType\":0,\"resourceId\":\"*\"}"), 403);
    assertThat(rest.withBasicAuth("sally", "sally").getForObject("/api/me", String.class)).doesNotContain("camunda-admin");
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> put(String user, String path) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, HttpEntity.EMPTY, String.class);
  }

  /** The answer is a problem of this status in the one shape, with nothing internal in it. */
  static JsonNode problem(ResponseEntity<String> answer, int status) throws Exception {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isNotNull();
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as(String.valueOf(answer.getHeaders().getContentType())).isTrue();
    JsonNode problem = JSON.readTree(answer.getBody());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("correlationId").asText()).matches("[0-9a-f]{12}");
    assertThat(answer.getHeaders().getFirst(CorrelationId.HEADER)).isEqualTo(problem.get("correlationId").asText());
    assertThat(answer.getBody()).doesNotContainPattern("(?i)exception|java\\.|org\\.camunda|ENGINE-\\d|sql");
    return problem;
  }
}
