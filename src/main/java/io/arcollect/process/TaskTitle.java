package io.arcollect.process;

import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist titles without expressions in the diagram: a user task keeps a static name ("Initial contact")
 * and names what Tasklist should add with the extension property {@code taskTitle}, an expression such as
 * {@code ${customerName}, ${amounts.show(currency, outstandingAmount)}}. When the task is created its name
 * becomes "Initial contact: Brightwater Foods GmbH, USD 12,050.00". The case step element template sets it.
 */
@Component
class TaskTitle {

  static final String PROPERTY = "taskTitle";
  private static final Logger log = LoggerFactory.getLogger(TaskTitle.class);

  @EventListener(condition = "#task.eventName == 'create'")
  public void created(DelegateTask task) {
    String expression = AsEngine.inCommand(() -> propertyOf(task.getBpmnModelElementInstance()));
    if (expression == null || expression.isBlank()) {
      return;
    }
    try {
      Object detail = Context.getProcessEngineConfiguration().getExpressionManager()
          .createExpression(expression).getValue(task);
      if (detail != null && !detail.toString().isBlank()) {
        task.setName(task.getName() + ": " + detail);
      }
    } catch (ProcessEngineException e) {
      // a title is for reading; a model whose title cannot be worked out keeps its plain name, the work goes on
      log.warn("Task {} ({}) keeps its name: its taskTitle {} could not be evaluated: {}",
          task.getTaskDefinitionKey(), task.getProcessDefinitionId(), expression, e.getMessage());
    }
  }

  private static String propertyOf(UserTask element) {
    if (element == null || element.getExtensionElements() == null) {
      return null;
    }
    Collection<CamundaProperties> all = element.getExtensionElements().getChildElementsByType(CamundaProperties.class);
    return all.stream().flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> PROPERTY.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }
}
