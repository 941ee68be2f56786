package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import io.arcollect.testsupport.ElementTemplates;
import io.arcollect.testsupport.ProcessOwnerDeployment;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A process owner adds a legal approval for write-offs above 50,000 to collection-case.bpmn, built only from the
 * element templates (a decision point, and a Four-eyes approval that keeps out whoever proposed the write-off),
 * and deploys it through REST. A large write-off then waits for a second lawyer, never the proposer; a small one
 * goes to finance as before.
 */
@ArcollectSpringBootTest
class LegalWriteOffApprovalVariantTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ApplicationContext context;

  private CaseWorld world;
  private ProcessOwnerDeployment paula;

  @BeforeEach
  void init() throws Exception {
    world = new CaseWorld(context);
    ClockUtil.setCurrentTime(java.util.Date.from(START));
    paula = new ProcessOwnerDeployment(port, "paula");
    JsonNode deployment = paula.deploy("collection-case (legal approval of large write-offs)", "collection-case.bpmn",
        variantWithLegalApproval());
    assertThat(deployment.path("deployedProcessDefinitions")).as("the variant was deployed")
        .singleElement().satisfies(definition -> assertThat(definition.path("key").asText()).isEqualTo("collection-case"));
  }

  @AfterEach
  void restoreTheShippedModel() {
    ClockUtil.reset();
    world.logout();
    paula.undeploy(repository);
  }

  @Test
  void aLargeWriteOffWaitsForASecondLawyerWhoIsNotTheProposer() throws Exception {
    Case c = atLegalReview(world.openCase("STANDARD", null, "Software", 40_000, 20_000));
    world.complete(c, "larry", Map.of("legalDecision", "WRITE_OFF", "notes", "Insolvent, nothing to recover"));

    Task approval = world.task(c);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_LegalApproveWriteOff");
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).taskCandidateGroup("legal").count()).isEqualTo(1);
    assertThat(runtime.getVariable(c.instance().getId(), "writeOffProposedBy")).isEqualTo("larry");

    HttpResponse<String> byProposer = claim(approval, "larry");
    assertThat(byProposer.statusCode()).as(byProposer.body()).isBetween(400, 499);
    assertThat(byProposer.body()).as("said in words, no engine code").doesNotContain("ENGINE-", "Exception");
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee())
        .as("the task stays free for another lawyer").isNull();

    HttpResponse<String> bySecondLawyer = claim(approval, "lena");
    assertThat(bySecondLawyer.statusCode()).as(bySecondLawyer.body()).isEqualTo(204);
    world.complete(c, "lena", Map.of("writeOffDecision", "APPROVED", "notes", "Agreed"));

    Task finance = world.task(c);
    assertThat(finance.getTaskDefinitionKey()).as("then finance approves as before").isEqualTo("Task_ApproveWriteOff");
    world.complete(c, "fiona", Map.of("writeOffDecision", "APPROVED"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.instance().getId()).count()).isZero();
    assertThat(world.record(c).getOutcome()).isEqualTo("WRITTEN_OFF");
  }

  @Test
  void aSmallWriteOffGoesStraightToFinance() throws Exception {
    Case c = atLegalReview(world.openCase("STANDARD", null, "Software", 700, 800));
    world.complete(c, "larry", Map.of("legalDecision", "WRITE_OFF", "notes", "Not worth a lawsuit"));

    Task next = world.task(c);
    assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_ApproveWriteOff");
    assertThat(tasks.createTaskQuery().processInstanceId(c.instance().getId()).taskDefinitionKey("Task_LegalApproveWriteOff")
        .count()).isZero();
  }

  /** Refusal at the door, through the REST API Tasklist uses, as that user. */
  private HttpResponse<String> claim(Task task, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/claim"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"" + user + "\"}"))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private Case atLegalReview(Case c) {
    world.complete(c, "sally", Map.of("contactOutcome", "REFUSES"));
    world.complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    world.runJobs(c);
    world.passTimer(c, "Timer_NoticeDeadline");
    assertThat(world.task(c).getTaskDefinitionKey()).isEqualTo("Task_ReviewLegalDossier");
    return c;
  }

  /**
   * The shipped collection-case.bpmn plus, between legal's write-off decision and finance's approval: a decision
   * point "Write-off above 50,000?" and a Four-eyes approval for legal (template io.arcollect.casework.four-eyes-approval,
   * "Not by" writeOffProposedBy); legal's review remembers who completed it (Case step template field).
   */
  private static byte[] variantWithLegalApproval() {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "collection-case.bpmn").toFile());
    JsonNode caseStep = ElementTemplates.template("io.arcollect.casework.case-step");
    JsonNode fourEyes = ElementTemplates.template("io.arcollect.casework.four-eyes-approval");

    UserTask review = model.getModelElementById("Task_ReviewLegalDossier");
    ElementTemplates.setField(model, review, caseStep, "Remember who completed it (optional)", "writeOffProposedBy");

    SubProcess collect = model.getModelElementById("SubProcess_Collect");
    FlowNode financeApproval = model.getModelElementById("Task_ApproveWriteOff");
    FlowNode backToLegal = model.getModelElementById("Gateway_ToLegal");
    SequenceFlow toWriteOff = model.getModelElementById("Flow_ToWriteOffApproval");

    ExclusiveGateway large = node(model, collect, ExclusiveGateway.class, "Gateway_LargeWriteOff", "Write-off above 50,000?");
    UserTask legalApproval = node(model, collect, UserTask.class, "Task_LegalApproveWriteOff", "Legal approval of write-off");
    ElementTemplates.apply(model, legalApproval, fourEyes, Map.of(
        "Department", "legal",
        "Not by", "writeOffProposedBy",
        "Form", "approve-write-off",
        "Outcome variable", "writeOffDecision",
        "Remember who approved it (optional)", "writeOffLegalApprovedBy",
        "Who proposes (form wording)", "A colleague in legal",
        "Who approves (form wording)", "the second lawyer"));
    ExclusiveGateway approved = node(model, collect, ExclusiveGateway.class, "Gateway_LegalApproved", "Legal approves?");

    retarget(toWriteOff, large);
    SequenceFlow small = flow(model, collect, "Flow_SmallWriteOff", large, financeApproval, "up to 50,000");
    large.setDefault(small);
    flow(model, collect, "Flow_LargeWriteOff", large, legalApproval, "above 50,000")
        .setConditionExpression(condition(model, "${outstandingAmount > 50000}"));
    flow(model, collect, "Flow_ToLegalApproved", legalApproval, approved, null);
    SequenceFlow yes = flow(model, collect, "Flow_LegalApproved", approved, financeApproval, "approved");
    yes.setConditionExpression(condition(model, "${writeOffDecision == 'APPROVED'}"));
    approved.setDefault(flow(model, collect, "Flow_LegalRejected", approved, backToLegal, "rejected"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }

  private static <T extends FlowNode> T node(BpmnModelInstance model, SubProcess parent, Class<T> type, String id, String name) {
    T node = model.newInstance(type);
    node.setId(id);
    node.setName(name);
    parent.addChildElement(node);
    return node;
  }

  private static SequenceFlow flow(BpmnModelInstance model, SubProcess parent, String id, FlowNode from, FlowNode to, String name) {
    SequenceFlow flow = model.newInstance(SequenceFlow.class);
    flow.setId(id);
    if (name != null) {
      flow.setName(name);
    }
    parent.addChildElement(flow);
    flow.setSource(from);
    flow.setTarget(to);
    from.getOutgoing().add(flow);
    to.getIncoming().add(flow);
    return flow;
  }

  private static void retarget(SequenceFlow flow, FlowNode to) {
    flow.getTarget().getIncoming().remove(flow);
    flow.setTarget(to);
    to.getIncoming().add(flow);
  }

  private static ConditionExpression condition(BpmnModelInstance model, String expression) {
    ConditionExpression condition = model.newInstance(ConditionExpression.class);
    condition.setTextContent(expression);
    return condition;
  }
}
