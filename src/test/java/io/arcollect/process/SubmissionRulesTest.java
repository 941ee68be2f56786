package io.arcollect.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The server's submission rules and the forms users fill in say the same thing: every user task of every process
 * has its rules, every field a form lets the user fill in is declared with the form's own choices, ranges, text
 * lengths and conditions, so the server takes what the forms send (and a new form field or choice without a rule
 * fails here, not in front of a collector).
 */
class SubmissionRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** form-js hide conditions the forms use: {@code =field != "VALUE"} or {@code =field = "VALUE"}. */
  private static final Pattern HIDE = Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"(\\w+)\"\\s*$");

  @Test
  void everyUserTaskOfEveryProcessHasItsRules() {
    Map<String, String> formOfTask = userTasks();
    assertThat(formOfTask).as("the processes have user tasks").isNotEmpty();
    assertThat(SubmissionRules.steps()).as("a rule for every user task").containsAll(formOfTask.keySet());
    assertThat(formOfTask.keySet()).as("no rule for a task that is gone").containsAll(SubmissionRules.steps());
  }

  @Test
  void everyFieldAFormLetsTheUserFillInIsDeclaredWithTheFormsOwnChoicesRangesLengthsAndConditions() throws Exception {
    List<String> mismatches = new ArrayList<>();
    userTasks().forEach((task, formId) -> {
      JsonNode form = form(formId);
      List<SubmissionRules.Field> rules = SubmissionRules.of(task);
      Map<String, SubmissionRules.Field> byName = rules.stream()
          .collect(Collectors.toMap(SubmissionRules.Field::name, f -> f, (a, b) -> a, TreeMap::new));
      Map<String, JsonNode> editable = new TreeMap<>();
      components(form).forEach(c -> {
        if (c.hasNonNull("key") && !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false)) {
          editable.put(c.get("key").asText(), c);
        }
      });
      assertThat(editable).as(formId + " has fields to fill in").isNotEmpty();
      editable.forEach((key, c) -> {
        String where = task + " (" + formId + ") " + key + ": ";
        SubmissionRules.Field rule = byName.get(key);
        if (rule == null) {
          mismatches.add(where + "no rule");
          return;
        }
        String label = c.path("type").asText().equals("datetime") ? c.path("dateLabel").asText() : c.path("label").asText();
        if (!rule.labelEn().equals(label)) {
          mismatches.add(where + "the form says \"" + label + "\", the server's messages \"" + rule.labelEn() + "\"");
        }
        JsonNode validate = c.path("validate");
        String type = c.path("type").asText();
        Set<String> formValues = values(c);
        switch (type) {
          case "select", "radio" -> {
            if (rule.kind() != SubmissionRules.Kind.CHOICE || !Set.copyOf(rule.choices()).equals(formValues)) {
              mismatches.add(where + "form offers " + formValues + ", rule takes " + rule.choices());
            }
          }
          case "checklist" -> {
            if (rule.kind() != SubmissionRules.Kind.INVOICES) {
              mismatches.add(where + "a checklist of invoices, rule is " + rule.kind());
            }
          }
          case "number" -> {
            boolean whole = rule.kind() == SubmissionRules.Kind.WHOLE;
            if (!whole && rule.kind() != SubmissionRules.Kind.AMOUNT) {
              mismatches.add(where + "a number field, rule is " + rule.kind());
            }
            if (validate.has("min") && rule.min().compareTo(new BigDecimal(validate.get("min").asText())) != 0) {
              mismatches.add(where + "form min " + validate.get("min") + ", rule min " + rule.min());
            }
            if (validate.has("max") && rule.max().compareTo(new BigDecimal(validate.get("max").asText())) != 0) {
              mismatches.add(where + "form max " + validate.get("max") + ", rule max " + rule.max());
            }
          }
          case "datetime" -> {
            if (rule.kind() != SubmissionRules.Kind.DATE) {
              mismatches.add(where + "a date field, rule is " + rule.kind());
            }
          }
          case "textfield", "textarea" -> {
            if (rule.kind() != SubmissionRules.Kind.TEXT) {
              mismatches.add(where + "a text field, rule is " + rule.kind());
            } else {
              int formMax = validate.path("maxLength").asInt(Integer.MAX_VALUE);
              if (formMax != Integer.MAX_VALUE ? rule.maxLength() != formMax : rule.maxLength() < SubmissionRules.MAX_TEXT) {
                mismatches.add(where + "form takes " + (formMax == Integer.MAX_VALUE ? "any length" : formMax)
                    + " characters, rule " + rule.maxLength());
              }
              // never stricter than the form (notes the form requires stay optional for other clients)
              int formMin = validate.path("minLength").asInt(validate.path("required").asBoolean() ? 1 : 0);
              if (rule.minLength() > formMin) {
                mismatches.add(where + "form takes " + formMin + " characters or more, rule needs " + rule.minLength());
              }
            }
          }
          default -> mismatches.add(where + "a field of type " + type + " the rules cannot check");
        }
        // shown only for some values of another field: the rule applies (and requires it) just then
        String hide = c.path("conditional").path("hide").asText(null);
        if (hide == null) {
          if (rule.conditional()) {
            mismatches.add(where + "always shown, the rule applies only when " + rule.whenField() + " is " + rule.whenValues());
          }
          return;
        }
        Matcher m = HIDE.matcher(hide);
        if (!m.matches()) {
          mismatches.add(where + "a hide condition the test does not read: " + hide);
          return;
        }
        SubmissionRules.Field other = byName.get(m.group(1));
        if (other == null || other.kind() != SubmissionRules.Kind.CHOICE) {
          mismatches.add(where + "hidden by " + m.group(1) + ", which is no choice of the rules");
          return;
        }
        Set<String> shownFor = other.choices().stream()
            .filter(value -> "!=".equals(m.group(2)) == value.equals(m.group(3)))
            .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!m.group(1).equals(rule.whenField()) || !shownFor.equals(rule.whenValues())) {
          mismatches.add(where + "shown when " + m.group(1) + " is " + shownFor + ", the rule applies when "
              + rule.whenField() + " is " + rule.whenValues());
        }
        if (validate.path("required").asBoolean() && !rule.required()) {
          mismatches.add(where + "required in the form when shown, not in the rule");
        }
      });
    });
    assertThat(mismatches).as("form fields and submission rules").isEmpty();
  }

  @Test
  void noteFieldsTakeTenThousandCharactersAndTheContactLogStoresThemAfterAReason() throws Exception {
    assertThat(SubmissionRules.MAX_TEXT).isEqualTo(10_000);
    String migration = java.nio.file.Files.readString(
        Path.of("src/main/resources/db/migration/V150__notes_of_any_reasonable_length.sql"));
    Matcher width = Pattern.compile("notes set data type varchar\\((\\d+)\\)").matcher(migration);
    assertThat(width.find()).isTrue();
    int longestReason = SubmissionRules.steps().stream().flatMap(step -> SubmissionRules.of(step).stream())
        .filter(f -> f.name().endsWith("Reason") && f.kind() == SubmissionRules.Kind.TEXT)
        .mapToInt(SubmissionRules.Field::maxLength).max().orElse(0);
    assertThat(Integer.parseInt(width.group(1))).as("reason | notes fit contact_log.notes")
        .isGreaterThanOrEqualTo(longestReason + " | ".length() + SubmissionRules.MAX_TEXT);
  }

  private static Map<String, String> userTasks() {
    Map<String, String> formOfTask = new TreeMap<>();
    File[] models = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
    assertThat(models).isNotEmpty();
    for (File model : models) {
      for (UserTask task : Bpmn.readModelFromFile(model).getModelElementsByType(UserTask.class)) {
        formOfTask.put(task.getId(), task.getCamundaFormRef());
      }
    }
    return formOfTask;
  }

  private static JsonNode form(String formId) {
    File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
    for (File file : forms) {
      try {
        JsonNode form = JSON.readTree(file);
        if (formId.equals(form.path("id").asText())) {
          return form;
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException(file + " cannot be read", e);
      }
    }
    throw new AssertionError("no form with id " + formId + " in forms/");
  }

  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }

  private static Set<String> values(JsonNode component) {
    Set<String> values = new LinkedHashSet<>();
    component.path("values").forEach(v -> values.add(v.path("value").asText()));
    return values;
  }
}
