package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.casework.CaseWorld;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every role against every action, as the demo users over HTTP: {@code identity/role-matrix.csv} says which status each
 * role gets (one row per action, one column per role). The actions that change something get fresh tasks and instances
 * of a small model of this test, so that one cell's success does not decide the next one's answer.
 */
@ArcollectSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

  /** The role columns of the CSV and the demo user who plays each (anonymous: no login). */
  private static final Map<String, String> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("anonymous", null);
    ROLES.put("sales", "sally");
    ROLES.put("finance", "frank");
    ROLES.put("legal", "larry");
    ROLES.put("auditors", "audrey");
    ROLES.put("process-owners", "paula");
    ROLES.put("admin", "admin");
  }

  private static final String WORK = "role-matrix-work";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;

  /** What a cell sends; {@code marker}: what a 200 must contain ("none": must not); {@code after}: undoes it. */
  record Call(String method, String path, String contentType, byte[] body, String marker, Runnable after) {
    static Call get(String path, String marker) {
      return new Call("GET", path, null, null, marker, null);
    }

    static Call json(String method, String path, String body) {
      return new Call(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    Call then(Runnable undo) {
      return new Call(method, path, contentType, body, marker, undo);
    }
  }

  private final Map<String, Function<String, Call>> actions = new HashMap<>();
  private final List<String> deployments = new ArrayList<>();
  private final List<String> createdUsers = new ArrayList<>();

  /** Once, in the first cell (the engine's test coverage records instances only within a test). */
  @BeforeEach
  void fixtures() {
    if (!actions.isEmpty()) {
      return;
    }
    deployments.add(repository.createDeployment().name("role-matrix")
        .addModelInstance("role-matrix-work.bpmn", Bpmn.createExecutableProcess(WORK).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Work").name("Role matrix work").camundaCandidateGroups("${department}")
            .endEvent().done())
        .deploy().getId());
    CaseWorld world = new CaseWorld(context);
    // sally's customer, its call in the sales queue; sam's customer over its credit limit, its call in finance's
    Case own = world.openCase("STANDARD", "sally", "Software", 400, 600);
    Case finance = world.openCaseOverCreditLimit("sam");
    String ownTask = tasks.createTaskQuery().processInstanceId(own.instance().getId()).singleResult().getId();
    String financeTask = tasks.createTaskQuery().processInstanceId(finance.instance().getId()).singleResult().getId();
    String financePid = finance.instance().getId();

    actions.put("engine.task.list", user -> Call.get("/engine-rest/task", null));
    actions.put("engine.task.claim.sales-task", user -> Call.json("POST",
        "/engine-rest/task/" + freshTask("sales") + "/claim", "{\"userId\":\"" + user + "\"}"));
    actions.put("engine.task.complete.sales-task", user -> Call.json("POST",
        "/engine-rest/task/" + freshTask("sales") + "/complete", "{\"variables\":{}}"));
    actions.put("engine.task.claim.finance-task", user -> Call.json("POST",
        "/engine-rest/task/" + freshTask("finance") + "/claim", "{\"userId\":\"" + user + "\"}"));
    actions.put("engine.task.complete.finance-task", user -> Call.json("POST",
        "/engine-rest/task/" + freshTask("finance") + "/complete", "{\"variables\":{}}"));
    actions.put("engine.task.complete.legal-task", user -> Call.json("POST",
        "/engine-rest/task/" + freshTask("legal") + "/complete", "{\"variables\":{}}"));
    actions.put("engine.task.hand-on.finance-task", user -> Call.json("POST",
        "/engine-rest/task/" + freshTask("finance") + "/assignee", "{\"userId\":\"fiona\"}"));
    actions.put("engine.task.variables.own-case", user -> Call.get("/engine-rest/task/" + ownTask + "/variables",
        own.account()));
    actions.put("engine.task.variables.finance-case", user -> Call.get("/engine-rest/task/" + financeTask + "/variables",
        finance.account()));
    actions.put("engine.task.query.finance-case", user -> Call.get("/engine-rest/task?processInstanceId=" + financePid,
        financeTask));
    actions.put("engine.variable-instance.finance-case", user -> Call.get(
        "/engine-rest/variable-instance?processInstanceIdIn=" + financePid, finance.account()));
    actions.put("engine.process-instance.finance-case", user -> Call.get(
        "/engine-rest/process-instance?processInstanceIds=" + financePid, financePid));
    actions.put("engine.process-instance.set-variable", user -> Call.json("PUT",
        "/engine-rest/process-instance/" + freshInstance("legal") + "/variables/probe", "{\"value\":\"x\",\"type\":\"String\"}"));
    actions.put("engine.process-instance.delete", user -> new Call("DELETE",
        "/engine-rest/process-instance/" + freshInstance("legal"), null, null, null, null));
    actions.put("engine.history.process-instance.finance-case", user -> Call.get(
        "/engine-rest/history/process-instance?processInstanceId=" + financePid, financePid));
    actions.put("engine.history.task.finance-case", user -> Call.get(
        "/engine-rest/history/task?processInstanceId=" + financePid, financeTask));
    actions.put("engine.history.variable-instance.finance-case", user -> Call.get(
        "/engine-rest/history/variable-instance?processInstanceId=" + financePid, finance.account()));
    actions.put("engine.history.detail.finance-case", user -> Call.get(
        "/engine-rest/history/detail?processInstanceId=" + financePid, finance.account()));
    actions.put("engine.history.decision-instance.finance-case", user -> Call.get(
        "/engine-rest/history/decision-instance?processInstanceId=" + financePid + "&includeInputs=true", financePid));
    actions.put("engine.deployment.create", user -> deployment());
    actions.put("engine.process-definition.list", user -> Call.get("/engine-rest/process-definition?key=collection-case",
        "collection-case"));
    actions.put("engine.process-definition.start", user -> Call.json("POST",
        "/engine-rest/process-definition/key/" + WORK + "/start",
        "{\"variables\":{\"department\":{\"value\":\"legal\",\"type\":\"String\"}}}"));
    actions.put("engine.decision-definition.list", user -> Call.get(
        "/engine-rest/decision-definition?key=collection-strategy", "collection-strategy"));
    actions.put("engine.authorization.create", user -> {
      String resource = "role-matrix-" + UUID.randomUUID();
      return Call.json("POST", "/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\""
          + user + "\",\"groupId\":null,\"resourceType\":0,\"resourceId\":\"" + resource + "\"}");
    });
    actions.put("engine.user.list", user -> Call.get("/engine-rest/user", "\"id\":\"frank\""));
    actions.put("engine.user.create", user -> {
      String id = "matrix" + UUID.randomUUID().toString().substring(0, 8);
      createdUsers.add(id);
      return Call.json("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"M\","
          + "\"lastName\":\"X\",\"email\":\"m@example.com\"},\"credentials\":{\"password\":\"" + id + "\"}}");
    });
    actions.put("engine.group.add-self-to-finance", user -> new Call("PUT",
        "/engine-rest/group/finance/members/" + user, null, null, null, null).then(() -> {
          if ("admin".equals(user)) {
            identity.deleteMembership(user, "finance");
          }
        }));
    actions.put("engine.group.add-self-to-admins", user -> new Call("PUT",
        "/engine-rest/group/camunda-admin/members/" + user, null, null, null, null));
    actions.put("engine.group.add-unknown-user", user -> new Call("PUT",
        "/engine-rest/group/finance/members/nobody-" + UUID.randomUUID().toString().substring(0, 8), null, null, null, null));
    actions.put("engine.group.add-to-unknown-group", user -> new Call("PUT",
        "/engine-rest/group/no-such-group/members/sally", null, null, null, null));
    actions.put("engine.filter.list", user -> Call.get("/engine-rest/filter", "My department"));
    String department = filters.createFilterQuery().filterName("My department").singleResult().getId();
    actions.put("engine.filter.my-department-tasks", user -> Call.get("/engine-rest/filter/" + department + "/list",
        financeTask));
    actions.put("engine.filter.create", user -> Call.json("POST", "/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"role-matrix-" + user + "\",\"query\":{}}").then(() ->
        filters.createFilterQuery().filterName("role-matrix-" + user).list().forEach(f -> filters.deleteFilter(f.getId()))));
    actions.put("engine.task.create", user -> {
      String id = "role-matrix-" + UUID.randomUUID();
      return Call.json("POST", "/engine-rest/task/create", "{\"id\":\"" + id + "\",\"name\":\"Role matrix\"}")
          .then(() -> {
            if (tasks.createTaskQuery().taskId(id).count() > 0) {
              tasks.deleteTask(id, true);
            }
          });
    });

    actions.put("api.me", user -> Call.get("/api/me", null));
    actions.put("api.cases.list", user -> Call.get("/api/cases?size=1000", finance.number()));
    actions.put("api.case.own-case", user -> Call.get("/api/cases/" + own.number(), own.number()));
    actions.put("api.case.finance-case", user -> Call.get("/api/cases/" + finance.number(), finance.number()));
    actions.put("api.trail.finance-case", user -> Call.get("/api/cases/" + finance.number() + "/trail", null));
    actions.put("api.trail.export-own-case", user -> Call.get("/api/cases/" + own.number() + "/trail?format=pdf", null));
    actions.put("api.case-history.search-finance-case", user -> Call.get("/api/case-history?q=" + finance.account(),
        finance.number()));
    actions.put("api.customer-file.own-customer", user -> Call.get("/api/customer-file/" + own.account(), own.account()));
    actions.put("api.customer-file.other-customer", user -> Call.get("/api/customer-file/" + finance.account(),
        finance.account()));
    actions.put("api.kpis.dashboard", user -> Call.get("/api/reports/kpis/cases", null));
    actions.put("api.import.customers", user -> new Call("POST", "/api/customers/import", "text/csv",
        "this is not a customer list\n".getBytes(StandardCharsets.UTF_8), null, null));
    actions.put("api.import.invoices", user -> new Call("POST", "/api/invoices/import", "text/csv",
        "this is not an invoice list\n".getBytes(StandardCharsets.UTF_8), null, null));
    actions.put("api.import.bank-statement", user -> new Call("POST", "/api/bank-statements", "application/xml",
        "<notAStatement/>".getBytes(StandardCharsets.UTF_8), null, null));
    actions.put("api.customer.own-customer", user -> Call.get("/api/customers/" + own.account(), own.account()));
    actions.put("api.customer.other-customer", user -> Call.get("/api/customers/" + finance.account(),
        finance.account()));
    actions.put("api.customer.invoices-of-other-customer", user -> Call.get(
        "/api/customers/" + finance.account() + "/invoices", finance.account() + "-1"));
    actions.put("api.customer.contacts-of-other-customer", user -> Call.get(
        "/api/customers/" + finance.account() + "/contacts", null));
    actions.put("api.customer.analysis-of-other-customer", user -> Call.get(
        "/api/customers/" + finance.account() + "/analysis", null));
    actions.put("api.invoice.of-other-customer", user -> Call.get("/api/invoices/" + finance.account() + "-1",
        finance.account() + "-1"));
    actions.put("api.payments.list", user -> Call.get("/api/payments", null));
    actions.put("api.reports.aging", user -> Call.get("/api/reports/aging", null));
    actions.put("api.exchange-rates.list", user -> Call.get("/api/exchange-rates", null));
    actions.put("api.exchange-rates.set", user -> Call.json("PUT", "/api/exchange-rates/2026-01-05/USD",
        "{\"perEuro\":0}"));
  }

  @AfterAll
  void cleanUp() {
    // outside a test: without the test coverage's listeners
    deployments.forEach(id -> repository.deleteDeployment(id, true, true));
    createdUsers.stream().filter(id -> identity.createUserQuery().userId(id).count() > 0).forEach(identity::deleteUser);
  }

  Stream<Arguments> cells() throws Exception {
    List<Arguments> cells = new ArrayList<>();
    try (BufferedReader csv = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/identity/role-matrix.csv"), StandardCharsets.UTF_8))) {
      List<String> header = null;
      for (String line = csv.readLine(); line != null; line = csv.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = List.of(line.split(",", -1));
        if (header == null) {
          header = fields;
          assertThat(header.subList(1, header.size())).as("the role columns").containsExactlyElementsOf(ROLES.keySet());
          continue;
        }
        assertThat(fields).as(line).hasSize(header.size());
        for (int column = 1; column < fields.size(); column++) {
          cells.add(Arguments.of(fields.get(0), header.get(column), fields.get(column).trim()));
        }
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @MethodSource("cells")
  void cell(String action, String role, String expected) throws Exception {
    Function<String, Call> build = actions.get(action);
    assertThat(build).as("an action named " + action + " in RoleMatrixTest").isNotNull();
    String user = ROLES.get(role);
    Call call = build.apply(user);
    try {
      HttpResponse<String> answer = send(call, user);
      String what = action + " as " + role + " (" + call.method() + " " + call.path() + ") answered " + answer.statusCode()
          + ": " + answer.body();
      if (expected.equals("none")) {
        assertThat(answer.statusCode()).as(what).isEqualTo(200);
        assertThat(call.marker()).as("an action with nothing to look for cannot expect none: " + action).isNotNull();
        assertThat(answer.body()).as(what).doesNotContain(call.marker());
      } else {
        assertThat(answer.statusCode()).as(what).isEqualTo(Integer.parseInt(expected));
        if (answer.statusCode() == 200 && call.marker() != null) {
          assertThat(answer.body()).as(what).contains(call.marker());
        }
      }
    } finally {
      if (call.after() != null) {
        call.after().run();
      }
    }
  }

  private HttpResponse<String> send(Call call, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
        .header("Accept", "application/json, application/xml, application/pdf, */*");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return answer;
  }

  private String freshTask(String department) {
    String instance = freshInstance(department);
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private String freshInstance(String department) {
    return runtime.startProcessInstanceByKey(WORK, Map.of("department", department)).getId();
  }

  /** A process owner's deployment from Camunda Modeler: a model of this test, removed afterwards. */
  private Call deployment() {
    String boundary = "----rolematrix" + UUID.randomUUID();
    String key = "role-matrix-deployed";
    String model = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done());
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrole-matrix\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key + ".bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
    return new Call("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.getBytes(StandardCharsets.UTF_8), null, () -> repository.createDeploymentQuery().deploymentName("role-matrix")
            .list().stream().filter(d -> !deployments.contains(d.getId()))
            .forEach(d -> repository.deleteDeployment(d.getId(), true)));
  }

}
