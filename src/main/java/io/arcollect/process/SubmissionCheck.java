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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every task submission checked on the server against its step's {@link SubmissionRules}, whatever the client:
 * every complete and submit-form command of a case step is checked before it runs (before the submitted values are
 * set, the model's listeners run or the engine moves the case on), so a bad submission is refused with a 400 in
 * words (English and Chinese: collectors see it next to the form in Tasklist) and nothing happens: the task stays
 * open, nothing of the case changes. The same plugin lets texts longer than Camunda's 4,000-character columns be stored ({@link LongText}).
 */
@Component
class SubmissionCheck extends AbstractProcessEnginePlugin {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-][0-9:]+)?)?");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");
  /** A submitted value that cannot be read; it matches no choice, number, date or text. */
  private static final Object UNREADABLE = new Object() {
    @Override
    public String toString() {
      return "(a value that cannot be read)";
    }
  };
  private static final Pattern SHOWABLE = Pattern.compile("[A-Za-z0-9_./-]{1,40}");

  private final ObjectProvider<CaseProgress> progress;
  private final ObjectProvider<JdbcTemplate> jdbc;

  SubmissionCheck(ObjectProvider<CaseProgress> progress, ObjectProvider<JdbcTemplate> jdbc) {
    this.progress = progress;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new BeforeCompletion());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    @SuppressWarnings("rawtypes")
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(new LongText());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  /**
   * Checks a complete or submit-form command before it runs, inside its command context: the task still has the
   * values it had, and a refusal leaves the command before it changed anything. The refusal is the
   * {@link UserError} itself (a task listener's would reach Java callers wrapped in the engine's exception). Only
   * a user who may work the task gets the field-by-field answer; anyone else gets the command's own refusal.
   */
  private final class BeforeCompletion extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      Map<String, Object> submitted = submittedVariables(command);
      if (submitted != null) {
        String taskId = fieldOf(command, "taskId") instanceof String id ? id : null;
        CommandContext context = Context.getCommandContext();
        TaskEntity task = taskId == null || context == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null && task.getTaskDefinitionKey() != null && task.getExecutionId() != null) {
          context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
          check(task, submitted);
        }
      }
      return next.execute(command);
    }
  }

  void check(DelegateTask task, Map<String, Object> submitted) {
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
        // a serialized object the engine does not read (e.g. Java serialization): a value none of the rules takes
        return UNREADABLE;
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

  /** The variables a complete or submit-form command brings (none: an empty map); null for any other command. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> submittedVariables(Command<?> command) {
    String name = command instanceof CompleteTaskCmd ? "variables" : command instanceof SubmitTaskFormCmd ? "properties" : null;
    if (name == null) {
      return null;
    }
    Object variables = fieldOf(command, name);
    if (variables instanceof VariableMap typed) {
      // the typed values: a VariableMap's get() deserializes, which fails for what the engine will not read
      Map<String, Object> values = new LinkedHashMap<>();
      typed.keySet().forEach(key -> values.put(key, typed.getValueTyped(key)));
      return values;
    }
    return variables instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static Object fieldOf(Object command, String name) {
    try {
      Field field = command.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(command);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
