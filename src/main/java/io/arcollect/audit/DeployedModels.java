package io.arcollect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What the deployed models say about a case's history: element names and flows of the BPMN version the case ran,
 * the labels of the deployed forms its tasks used, the descriptions of the DMN rules that matched. Deployed
 * resources never change, so what was read once is kept.
 */
@Component
class DeployedModels {

  /** A form field as the user saw it: its label and, for a choice, the label of each value. */
  record Field(String label, Map<String, String> options) {

    Object show(Object value) {
      return value != null && options.containsKey(String.valueOf(value)) ? options.get(String.valueOf(value)) : value;
    }
  }

  private final RepositoryService repository;
  private final ProcessEngineConfiguration configuration;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, BpmnModelInstance> processes = new ConcurrentHashMap<>();
  private final Map<String, DmnModelInstance> decisions = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Field>> forms = new ConcurrentHashMap<>();
  private final Map<String, Instant> deployedAt = new ConcurrentHashMap<>();

  DeployedModels(RepositoryService repository, ProcessEngineConfiguration configuration) {
    this.repository = repository;
    this.configuration = configuration;
  }

  BpmnModelInstance process(String processDefinitionId) {
    return processes.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
  }

  String processXml(String processDefinitionId) {
    try (InputStream xml = repository.getProcessModel(processDefinitionId)) {
      return new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<FlowNode> node(String processDefinitionId, String activityId) {
    ModelElementInstance element = process(processDefinitionId).getModelElementById(activityId);
    return element instanceof FlowNode node ? Optional.of(node) : Optional.empty();
  }

  /** The elements a flow leads from into this one. */
  List<String> sources(String processDefinitionId, String activityId) {
    return node(processDefinitionId, activityId).map(node -> node.getIncoming().stream()
        .map(SequenceFlow::getSource).map(FlowNode::getId).toList()).orElse(List.of());
  }

  /** The sequence flows of the model with their ends: (flow id, source id, target id). */
  List<String[]> flows(String processDefinitionId) {
    Collection<SequenceFlow> flows = process(processDefinitionId).getModelElementsByType(SequenceFlow.class);
    return flows.stream().map(flow -> new String[] {flow.getId(), flow.getSource().getId(), flow.getTarget().getId()})
        .toList();
  }

  /** Inside an event sub-process (payment received, invoice joined): bookkeeping of the case, not a step of it. */
  boolean inEventSubProcess(String processDefinitionId, String activityId) {
    ModelElementInstance element = process(processDefinitionId).getModelElementById(activityId);
    for (ModelElementInstance parent = element == null ? null : element.getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof SubProcess sub && sub.triggeredByEvent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fields a user task's form asks for (display-only fields left out), by variable name in form order, as
   * the form was deployed when the task was completed. Empty when the task has no Camunda Form.
   */
  Map<String, Field> formFields(String processDefinitionId, String taskDefinitionKey, Instant completedAt) {
    ModelElementInstance element = process(processDefinitionId).getModelElementById(taskDefinitionKey);
    if (!(element instanceof UserTask task) || task.getCamundaFormRef() == null) {
      return Map.of();
    }
    return formDefinition(task.getCamundaFormRef(), completedAt)
        .map(form -> forms.computeIfAbsent(form.getId(), id -> readFields(form)))
        .orElse(Map.of());
  }

  /** The version of the form that was the latest at that moment (the tasks bind to the latest form). */
  private Optional<CamundaFormDefinitionEntity> formDefinition(String key, Instant at) {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    return engine.getCommandExecutorTxRequired().execute(context -> {
      var definitions = context.getCamundaFormDefinitionManager();
      CamundaFormDefinitionEntity latest = definitions.findLatestDefinitionByKey(key);
      for (CamundaFormDefinitionEntity form = latest; form != null;
          form = form.getVersion() <= 1 ? null : definitions.findDefinitionByKeyVersionAndTenantId(key, form.getVersion() - 1, null)) {
        if (!deployedAt(form.getDeploymentId()).isAfter(at)) {
          return Optional.of(form);
        }
      }
      return Optional.ofNullable(latest);
    });
  }

  private Instant deployedAt(String deploymentId) {
    return deployedAt.computeIfAbsent(deploymentId, id -> {
      Deployment deployment = repository.createDeploymentQuery().deploymentId(id).singleResult();
      return deployment == null ? Instant.EPOCH : deployment.getDeploymentTime().toInstant();
    });
  }

  private Map<String, Field> readFields(CamundaFormDefinitionEntity form) {
    try (InputStream resource = repository.getResourceAsStream(form.getDeploymentId(), form.getResourceName())) {
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(json.readTree(resource).path("components"), fields);
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
        String key = component.get("key").asText();
        String label = firstText(component, "label", "dateLabel", "timeLabel");
        Map<String, String> options = new LinkedHashMap<>();
        component.path("values").forEach(option -> options.put(option.path("value").asText(),
            option.path("label").asText(option.path("value").asText())));
        fields.put(key, new Field(label == null ? key : label, options));
      }
      collect(component.path("components"), fields);
    }
  }

  private static String firstText(JsonNode node, String... names) {
    for (String name : names) {
      if (node.hasNonNull(name) && !node.get(name).asText().isBlank()) {
        return node.get(name).asText();
      }
    }
    return null;
  }

  /** A decision's version and, by rule id, the descriptions of its rules (what the process owner wrote). */
  record DecisionModel(int version, Map<String, String> ruleDescriptions) {}

  DecisionModel decision(String decisionDefinitionId) {
    DecisionDefinition definition = repository.getDecisionDefinition(decisionDefinitionId);
    DmnModelInstance model = decisions.computeIfAbsent(decisionDefinitionId, repository::getDmnModelInstance);
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      descriptions.put(rule.getId(), rule.getDescription() == null ? null : rule.getDescription().getTextContent());
    }
    return new DecisionModel(definition.getVersion(), descriptions);
  }
}
