package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Tasklist users and Modeler users rely on in every model. */
class CaseModelConventionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"collection-case.bpmn", "payment-plan.bpmn", "aging-sweep.bpmn"})
  void everyTaskIsDocumentedAndEveryUserTaskHasAFormAndACandidateGroup(String model) throws Exception {
    BpmnModelInstance instance = Bpmn.readModelFromFile(new File("processes/" + model));

    Collection<Task> tasks = instance.getModelElementsByType(Task.class);
    assertThat(tasks).isNotEmpty().allSatisfy(task ->
        assertThat(task.getDocumentations()).as(task.getId() + " has documentation").isNotEmpty());
    for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate group").isNotBlank();
      String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      assertThat(formRef).as(task.getId() + " form").isNotBlank();
      Path form = Path.of("forms", formRef + ".form");
      assertThat(form).as(task.getId() + " form file").exists();
      assertThat(Files.readString(form)).contains("\"id\": \"" + formRef + "\"");
    }
    assertThat(instance.getModelElementsByType(FlowNode.class)).allSatisfy(node ->
        assertThat(node.getId()).as("readable id").doesNotStartWith("Activity_").doesNotStartWith("Event_0"));
  }
}
