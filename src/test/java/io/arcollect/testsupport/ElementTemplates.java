package io.arcollect.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What Camunda Modeler does when a process owner picks an element template from
 * {@code processes/.camunda/element-templates/} and fills in its fields: every property of the template is
 * written to the element (its default, or the value typed into the field with that label). Tests build model
 * variants with it, so a variant is made of the templates and nothing else.
 */
public final class ElementTemplates {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Path FOLDER = Path.of("processes", ".camunda", "element-templates");

  private ElementTemplates() {}

  /** The template with this id, from the project's template files. */
  public static JsonNode template(String id) {
    try (var files = Files.list(FOLDER)) {
      ObjectMapper json = new ObjectMapper();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode template : json.readTree(file.toFile())) {
          if (id.equals(template.path("id").asText())) {
            return template;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no element template " + id + " in " + FOLDER);
  }

  /**
   * Applies the whole template to the element, as choosing it in Modeler does; {@code fields} are the values typed
   * into the template's fields, by label. A field that must not be empty and is left empty fails, as in Modeler.
   */
  public static void apply(BpmnModelInstance model, BaseElement element, JsonNode template, Map<String, String> fields) {
    element.setAttributeValueNs(CAMUNDA, "modelerTemplate", template.path("id").asText());
    element.setAttributeValueNs(CAMUNDA, "modelerTemplateVersion", template.path("version").asText());
    for (String label : fields.keySet()) {
      boolean known = false;
      for (JsonNode property : template.path("properties")) {
        known |= label.equals(property.path("label").asText());
      }
      if (!known) {
        throw new AssertionError("template " + template.path("id").asText() + " has no field \"" + label + "\"");
      }
    }
    for (JsonNode property : template.path("properties")) {
      String label = property.path("label").asText(null);
      String value = label != null && fields.containsKey(label) ? fields.get(label) : property.path("value").asText(null);
      if (value == null || value.isEmpty()) {
        if (property.path("constraints").path("notEmpty").asBoolean(false)) {
          throw new AssertionError("template field \"" + label + "\" must not be empty");
        }
        continue;
      }
      set(model, element, property.path("binding"), value);
    }
  }

  /** Fills in one field of a template on an element that already has it (e.g. "Remember who completed it"). */
  public static void setField(BpmnModelInstance model, BaseElement element, JsonNode template, String label, String value) {
    for (JsonNode property : template.path("properties")) {
      if (label.equals(property.path("label").asText())) {
        set(model, element, property.path("binding"), value);
        return;
      }
    }
    throw new AssertionError("template " + template.path("id").asText() + " has no field \"" + label + "\"");
  }

  private static void set(BpmnModelInstance model, BaseElement element, JsonNode binding, String value) {
    String type = binding.path("type").asText();
    String name = binding.path("name").asText();
    switch (type) {
      case "property" -> {
        if (name.startsWith("camunda:")) {
          element.setAttributeValueNs(CAMUNDA, name.substring("camunda:".length()), value);
        } else {
          element.setAttributeValue(name, value);
        }
      }
      case "camunda:property" -> {
        CamundaProperties properties = extensions(model, element).getChildElementsByType(CamundaProperties.class).stream()
            .findFirst().orElseGet(() -> extensions(model, element).addExtensionElement(CamundaProperties.class));
        CamundaProperty property = properties.getCamundaProperties().stream().filter(p -> name.equals(p.getCamundaName()))
            .findFirst().orElseGet(() -> {
              CamundaProperty created = model.newInstance(CamundaProperty.class);
              created.setCamundaName(name);
              properties.addChildElement(created);
              return created;
            });
        property.setCamundaValue(value);
      }
      case "camunda:inputParameter" -> {
        CamundaInputOutput io = extensions(model, element).getChildElementsByType(CamundaInputOutput.class).stream()
            .findFirst().orElseGet(() -> extensions(model, element).addExtensionElement(CamundaInputOutput.class));
        CamundaInputParameter parameter = model.newInstance(CamundaInputParameter.class);
        parameter.setCamundaName(name);
        parameter.setTextContent(value);
        io.addChildElement(parameter);
      }
      default -> throw new AssertionError("binding " + type + " is not applied by this test helper");
    }
  }

  private static ExtensionElements extensions(BpmnModelInstance model, BaseElement element) {
    if (element.getExtensionElements() == null) {
      element.setExtensionElements(model.newInstance(ExtensionElements.class));
    }
    return element.getExtensionElements();
  }
}
