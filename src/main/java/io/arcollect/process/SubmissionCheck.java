package io.arcollect.process;

import io.arcollect.casework.CaseProgress;
import io.arcollect.system.UserError;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every task submission checked on the server against its step's {@link SubmissionRules}, whatever the client:
 * a listener that runs first when any user task completes (before the model's own listeners and before the engine
 * moves the case on), so a bad submission is refused with a 400 in words (English and Chinese: collectors see it
 * next to the form in Tasklist) and the whole completion is rolled back: the task stays open, nothing of the case
 * changes. The same plugin lets texts longer than Camunda's 4,000-character columns be stored ({@link LongText}).
 */
@Component
class SubmissionCheck extends AbstractProcessEnginePlugin implements TaskListener {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-][0-9:]+)?)?");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");
  private static final Pattern SHOWABLE = Pattern.compile("[A-Za-z0-9_./-]{1,40}");

  private final ObjectProvider<CaseProgress> progress;
  private final ObjectProvider<JdbcTemplate> jdbc;

  SubmissionCheck(ObjectProvider<CaseProgress> progress, ObjectProvider<JdbcTemplate> jdbc) {
    this.progress = progress;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, SubmissionCheck.this);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(parseListeners);
    @SuppressWarnings("rawtypes")
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(new LongText());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> submitted = submittedVariables();
    List<String> problems = new ArrayList<>();
    List<SubmissionRules.Field> fields = SubmissionRules.of(task.getTaskDefinitionKey());
    Set<String> declared = new HashSet<>();
    for (SubmissionRules.Field field : fields) {
      declared.add(field.name());
      boolean applies = !field.conditional()
          || field.whenValues().contains(String.valueOf(valueOf(field.whenField(), task, submitted, false)));
      // an answer that depends on another one comes with this submission, not from an earlier one
      Object value = valueOf(field.name(), task, submitted, field.conditional() && field.submittedOnly());
      if (field.conditional() && !applies) {
        continue;
      }
      if (isBlank(value)) {
        if (field.required()) {
          problems.add(say(field, "please fill this in.", "请填写此项。"));
        } else if (value != null && field.kind() == SubmissionRules.Kind.CHOICE) {
          // left out is fine; an empty choice is none of the form's values
          problems.add(check(field, value, task));
        }
        continue;
      }
      String problem = check(field, value, task);
      if (problem != null) {
        problems.add(problem);
      }
    }
    if (submitted != null) {
      submitted.forEach((name, raw) -> {
        if (!declared.contains(name)) {
          // Tasklist sends only the fields a user fills in (the forms' display fields are disabled)
          String problem = generic(name, unwrap(raw));
          if (problem != null) {
            problems.add(problem);
          }
        }
      });
    }
    if (!problems.isEmpty()) {
      throw UserError.badInput(String.join(" ", problems));
    }
  }

  private String check(SubmissionRules.Field field, Object value, DelegateTask task) {
    return switch (field.kind()) {
      case CHOICE -> value instanceof String s && field.choices().contains(s) ? null
          : say(field, "choose one of the values the form offers.", "请选择表单中提供的选项。");
      case AMOUNT -> amount(field, value, task);
      case WHOLE -> whole(field, value);
      case DATE -> date(field, value);
      case TEXT -> text(field, value);
      case INVOICES -> invoices(field, value, task);
    };
  }

  private String amount(SubmissionRules.Field field, Object value, DelegateTask task) {
    BigDecimal amount = decimal(value);
    if (amount == null) {
      return say(field, "enter an amount in figures, such as 1250.00.", "请用数字填写金额，例如 1250.00。");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      return say(field, "an amount has at most two decimal places.", "金额最多保留两位小数。");
    }
    if (amount.compareTo(field.min()) < 0) {
      return say(field, "the amount must be at least " + plain(field.min()) + ".", "金额不能少于 " + plain(field.min()) + "。");
    }
    if (field.upToOutstanding()) {
      BigDecimal outstanding = decimal(task.getVariable("outstandingAmount"));
      if (outstanding != null && amount.compareTo(outstanding) > 0) {
        String owed = outstanding.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return say(field, "the amount is more than the " + owed + " the customer owes.",
            "金额超过客户所欠的 " + owed + "。");
      }
    }
    if (amount.compareTo(field.max()) > 0) {
      return say(field, "the amount is too large.", "金额过大。");
    }
    return null;
  }

  private String whole(SubmissionRules.Field field, Object value) {
    BigDecimal number = decimal(value);
    String range = plain(field.min()) + " to " + plain(field.max());
    String rangeZh = plain(field.min()) + " 到 " + plain(field.max());
    if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(field.min()) < 0
        || number.compareTo(field.max()) > 0) {
      return say(field, "enter a whole number from " + range + ".", "请填写 " + rangeZh + " 之间的整数。");
    }
    return null;
  }

  private String date(SubmissionRules.Field field, Object value) {
    LocalDate today = today();
    String example = today.plusDays(7).toString();
    LocalDate date = null;
    if (value instanceof java.util.Date d) {
      date = LocalDate.ofInstant(d.toInstant(), ZoneId.systemDefault());
    } else if (value instanceof LocalDate d) {
      date = d;
    } else if (value instanceof String s && ISO_DATE.matcher(s.trim()).matches()) {
      try {
        date = LocalDate.parse(s.trim().substring(0, 10));
      } catch (DateTimeParseException e) {
        date = null;
      }
    }
    if (date == null) {
      return say(field, "enter a date such as " + example + ".", "请填写日期，例如 " + example + "。");
    }
    LocalDate first = today.plusDays(field.min().longValue());
    LocalDate last = today.plusDays(field.max().longValue());
    if (date.isBefore(first)) {
      return say(field, "the date must not be before " + (first.equals(today) ? "today (" + first + ")" : first) + ".",
          "日期不能早于 " + first + "。");
    }
    if (date.isAfter(last)) {
      return say(field, "the date must not be later than " + last + ".", "日期不能晚于 " + last + "。");
    }
    return null;
  }

  private String text(SubmissionRules.Field field, Object value) {
    if (!(value instanceof String s)) {
      return say(field, "enter text.", "请填写文字。");
    }
    if (s.strip().length() < field.minLength()) {
      return say(field, "write at least " + field.minLength() + " characters.", "请至少填写 " + field.minLength() + " 个字符。");
    }
    if (s.length() > field.maxLength()) {
      return say(field, "at most " + field.maxLength() + " characters fit (this has " + s.length() + ").",
          "最多 " + field.maxLength() + " 个字符（现有 " + s.length() + " 个）。");
    }
    return null;
  }

  private String invoices(SubmissionRules.Field field, Object value, DelegateTask task) {
    // Tasklist's checklist gives a list (or its JSON text), other clients text separated by commas
    boolean listOrText = value instanceof Collection<?> || value instanceof String
        || value.getClass().getName().startsWith("org.camunda.spin.");
    if (!listOrText || String.valueOf(value).length() > field.maxLength()) {
      return say(field, "name the invoices by their numbers, separated by commas.", "请填写发票号码，用逗号分隔。");
    }
    Set<String> named = CaseProgress.invoiceNumbersOf(value);
    if (named.isEmpty()) {
      return say(field, "name at least one invoice of this case.", "请至少指明本案的一张发票。");
    }
    Set<String> ofCase = new HashSet<>(jdbc.getObject().queryForList("""
        select i.invoice_number from case_invoices ci
          join collection_cases k on k.id = ci.case_id
          join invoices i on i.id = ci.invoice_id
         where k.case_number = ?""", String.class, CaseVariables.caseNumber(task)));
    List<String> foreign = named.stream().filter(n -> !ofCase.contains(n)).toList();
    if (!foreign.isEmpty()) {
      String shown = foreign.stream().map(n -> SHOWABLE.matcher(n).matches() ? n : "?").limit(5)
          .collect(Collectors.joining(", "));
      return say(field, "not an invoice of this case: " + shown + ".", "不是本案的发票：" + shown + "。");
    }
    return null;
  }

  /** A value no step declares: text of a reasonable length, finite numbers. */
  private static String generic(String name, Object value) {
    String label = SHOWABLE.matcher(name).matches() ? name : "A field";
    if (value instanceof String s && s.length() > SubmissionRules.MAX_TEXT) {
      return label + ": at most " + SubmissionRules.MAX_TEXT + " characters fit. / " + label + "：最多 "
          + SubmissionRules.MAX_TEXT + " 个字符。";
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite()) || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return label + ": not a number that can be stored. / " + label + "：不是可以保存的数字。";
    }
    return null;
  }

  private static String say(SubmissionRules.Field field, String en, String zh) {
    return field.labelEn() + ": " + en + " / " + field.labelZh() + "：" + zh;
  }

  private Object valueOf(String name, DelegateTask task, Map<String, Object> submitted, boolean fromSubmissionOnly) {
    if (submitted != null && submitted.containsKey(name)) {
      return unwrap(submitted.get(name));
    }
    if (submitted != null && fromSubmissionOnly) {
      return null;
    }
    return task.getVariable(name);
  }

  private static Object unwrap(Object value) {
    if (value instanceof TypedValue typed) {
      try {
        return typed.getValue();
      } catch (RuntimeException notDeserialized) {
        return typed;
      }
    }
    return value;
  }

  private static boolean isBlank(Object value) {
    return value == null || value instanceof String s && s.isBlank()
        || value instanceof Collection<?> c && c.isEmpty();
  }

  /** A number from a form (Integer, Long, Double) or plain figures in text; null for anything else. */
  private static BigDecimal decimal(Object value) {
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : new BigDecimal(d.toString());
    }
    if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? null : new BigDecimal(f.toString());
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof String s && PLAIN_NUMBER.matcher(s.trim()).matches()) {
      return new BigDecimal(s.trim());
    }
    return null;
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  private LocalDate today() {
    return progress.getObject().today();
  }

  /** The variables the running complete or submit-form command brings; null when it is another command. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> submittedVariables() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    if (invocation == null) {
      return null;
    }
    Object command = invocation.getCommand();
    String fieldName = command instanceof CompleteTaskCmd ? "variables"
        : command instanceof SubmitTaskFormCmd ? "properties" : null;
    if (fieldName == null) {
      return null;
    }
    try {
      Field field = command.getClass().getDeclaredField(fieldName);
      field.setAccessible(true);
      Object variables = field.get(command);
      return variables == null ? Map.of() : (Map<String, Object>) variables;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
