package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.casework.CaseWorld.Case;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A task with a static name in the diagram still tells Tasklist users whose case it is and how much is owed. */
@ArcollectSpringBootTest
class TaskTitleTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ApplicationContext context;

  private Deployment deployment;

  @AfterEach
  void removeTheTestProcess() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aStaticTaskNameGetsTheCustomerAndTheAmountTheModelNamesForTasklist() {
    deploy(model("${customerName}, ${amounts.show(currency, outstandingAmount)}"));

    String id = runtimeService.startProcessInstanceByKey("task-title-test", Map.of(
        "customerName", "Brightwater Foods GmbH", "currency", "USD", "outstandingAmount", 12050.0)).getId();

    assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getName())
        .isEqualTo("Initial contact: Brightwater Foods GmbH, USD 12,050.00");
  }

  @Test
  void aTitleThatCannotBeWorkedOutLeavesTheStaticNameAndTheTaskIsStillCreated() {
    deploy(model("${customerName}, ${noSuchBean.show(currency)}"));

    String id = runtimeService.startProcessInstanceByKey("task-title-test", Map.of("customerName", "Brightwater Foods GmbH"))
        .getId();

    assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getName()).isEqualTo("Initial contact");
  }

  @Test
  void theShippedCaseModelHasPlainTaskNamesAndNamesTheTitleOnEveryUserTask() {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("collection-case")
        .latestVersion().singleResult().getId();
    List<UserTask> userTasks = List.copyOf(repositoryService.getBpmnModelInstance(definitionId)
        .getModelElementsByType(UserTask.class));

    assertThat(userTasks).hasSizeGreaterThanOrEqualTo(8).allSatisfy(task -> {
      assertThat(task.getName()).as(task.getId()).doesNotContain("${", "#{", ":");
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(
          org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
          .flatMap(p -> p.getCamundaProperties().stream())
          .filter(p -> "taskTitle".equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue))
          .as(task.getId() + " taskTitle").containsExactly("${customerName}, ${amounts.show(currency, outstandingAmount)}");
    });
  }

  @Test
  void aRealCaseShowsTheCustomerAndTheAmountInTasklistWhileTheDiagramSaysInitialContact() {
    Case c = new CaseWorld(context).openCase("STANDARD", null, "Software", 400, 600);

    var task = taskService.createTaskQuery().processInstanceId(c.instance().getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_InitialContact");
    assertThat(task.getName()).isEqualTo("Initial contact: Customer " + c.account() + ", USD 1,000.00");
  }

  private static String model(String taskTitle) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_TaskTitleTest" targetNamespace="https://arcollect.io/test">
          <bpmn:process id="task-title-test" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_InitialContact" />
            <bpmn:userTask id="Task_InitialContact" name="Initial contact" camunda:candidateGroups="sales">
              <bpmn:extensionElements>
                <camunda:properties><camunda:property name="taskTitle" value="%s" /></camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_InitialContact" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(taskTitle);
  }

  private void deploy(String model) {
    deployment = repositoryService.createDeployment().name("task-title-test")
        .addString("task-title-test.bpmn", model).deploy();
  }
}
