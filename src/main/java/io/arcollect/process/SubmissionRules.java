package io.arcollect.process;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each case step accepts, declared per task key: the server checks every submission against it whatever the
 * client (Tasklist, /engine-rest complete or submit-form, the Java API) before the engine completes the task
 * ({@link SubmissionCheck}). A field is a choice of values, an amount, a whole number, a date, text of a length
 * that fits where it is stored, or invoices of the case; {@code when} makes it required for one value of another
 * field (the form shows it only then) and then it must come with the submission itself, not from an earlier one.
 * Values of fields the rules do not name are only checked to be text of a reasonable length or finite numbers.
 *
 * <p>A new case step or a new choice in a form is added here as well (the form says what the user sees, this
 * table what the server takes).
 */
public final class SubmissionRules {

  /** Notes and any other text: stored in full up to this length (contact_log.notes is as wide). */
  public static final int MAX_TEXT = 10_000;

  /** What kind of value a field takes. */
  public enum Kind { CHOICE, AMOUNT, WHOLE, DATE, TEXT, INVOICES }

  /**
   * One field of a step. {@code labelEn}/{@code labelZh}: the form's label; {@code min}/{@code max}: range of an
   * amount or whole number, or days from today for a date; {@code upToOutstanding}: an amount not above what the
   * case has outstanding; {@code maxLength}: of a text.
   */
  public record Field(String name, String labelEn, String labelZh, Kind kind, boolean required, String whenField,
      String whenValue, List<String> choices, BigDecimal min, BigDecimal max, boolean upToOutstanding, int maxLength) {

    boolean conditional() {
      return whenField != null;
    }
  }

  private static final Map<String, List<Field>> STEPS = new LinkedHashMap<>();

  static {
    List<Field> call = List.of(
        choice("contactChannel", "How you contacted them", "联系方式", false, "PHONE", "VISIT", "EMAIL"),
        choice("contactOutcome", "Outcome", "结果", true, "REACHED", "NO_ANSWER", "PROMISE_TO_PAY", "DISPUTE", "HARDSHIP",
            "REFUSES"),
        amount("promisedAmount", "Promised amount", "承诺金额", "0.01", true).when("contactOutcome", "PROMISE_TO_PAY"),
        date("promisedDate", "Promised date", "承诺付款日期", 0, 365).when("contactOutcome", "PROMISE_TO_PAY"),
        invoices("disputedInvoices", "Disputed invoices", "有争议的发票").when("contactOutcome", "DISPUTE"),
        text("disputeReason", "What the customer disputes", "客户争议的内容", 1000).when("contactOutcome", "DISPUTE"),
        notes());
    STEPS.put("Task_InitialContact", call);
    STEPS.put("Task_FollowUpCall", call);
    STEPS.put("Task_ApproveDemandLetter", List.of(
        whole("noticeDays", "Days to pay", "付款期限（天）", 7, 90, false),
        choice("demandLetterDecision", "Decision", "决定", true, "APPROVED"),
        notes()));
    STEPS.put("Task_RecordInstalmentPlan", List.of(
        amount("planDownPayment", "Down payment (due today)", "首付款（今日到期）", "0", true).field(),
        whole("planInstalmentCount", "Number of instalments", "分期期数", 1, 36, true),
        date("planFirstDueDate", "First instalment due", "首期到期日", 0, 366).required(),
        whole("planIntervalDays", "Days between instalments", "分期间隔（天）", 7, 92, false),
        notes()));
    STEPS.put("Task_ApproveInstalmentPlan", List.of(
        choice("planApproval", "Decision", "决定", true, "APPROVED", "REJECTED"), notes()));
    STEPS.put("Task_ResolveDispute", List.of(
        choice("disputeResolution", "Resolution", "处理方式", true, "CREDIT_NOTE", "CORRECTION", "REJECTED"),
        amount("creditAmount", "Amount to credit", "贷记金额", "0.01", true).when("disputeResolution", "CORRECTION"),
        notes()));
    STEPS.put("Task_ReviewLegalDossier", List.of(
        choice("legalDecision", "Decision", "决定", true, "LAWYER", "AGENCY", "SETTLE", "WRITE_OFF"), notes()));
    STEPS.put("Task_ApproveWriteOff", List.of(
        choice("writeOffDecision", "Decision", "决定", true, "APPROVED", "REJECTED"), notes()));
  }

  private SubmissionRules() {}

  /** The fields of the step with this task key; empty for a step that declares none (generic checks only). */
  public static List<Field> of(String taskKey) {
    return STEPS.getOrDefault(taskKey, List.of());
  }

  /** The task keys that declare their fields. */
  public static Set<String> steps() {
    return STEPS.keySet();
  }

  private static Field notes() {
    return text("notes", "Notes", "备注", MAX_TEXT).field();
  }

  private static Field choice(String name, String en, String zh, boolean required, String... values) {
    return new Field(name, en, zh, Kind.CHOICE, required, null, null, List.of(values), null, null, false, 64);
  }

  private static Builder amount(String name, String en, String zh, String min, boolean upToOutstanding) {
    return new Builder(new Field(name, en, zh, Kind.AMOUNT, false, null, null, List.of(), new BigDecimal(min),
        new BigDecimal("999999999999.99"), upToOutstanding, 0));
  }

  private static Field whole(String name, String en, String zh, int min, int max, boolean required) {
    return new Field(name, en, zh, Kind.WHOLE, required, null, null, List.of(), BigDecimal.valueOf(min),
        BigDecimal.valueOf(max), false, 0);
  }

  private static Builder date(String name, String en, String zh, int fromDays, int toDays) {
    return new Builder(new Field(name, en, zh, Kind.DATE, false, null, null, List.of(), BigDecimal.valueOf(fromDays),
        BigDecimal.valueOf(toDays), false, 0));
  }

  private static Builder invoices(String name, String en, String zh) {
    return new Builder(new Field(name, en, zh, Kind.INVOICES, false, null, null, List.of(), null, null, false, 4000));
  }

  private static Builder text(String name, String en, String zh, int maxLength) {
    return new Builder(new Field(name, en, zh, Kind.TEXT, false, null, null, List.of(), null, null, false, maxLength));
  }

  /** Fields made optional first; required, or required when another field has a value. */
  private record Builder(Field field) {
    Field when(String otherField, String value) {
      Field f = field;
      return new Field(f.name(), f.labelEn(), f.labelZh(), f.kind(), true, otherField, value, f.choices(), f.min(),
          f.max(), f.upToOutstanding(), f.maxLength());
    }

    Field required() {
      Field f = field;
      return new Field(f.name(), f.labelEn(), f.labelZh(), f.kind(), true, null, null, f.choices(), f.min(), f.max(),
          f.upToOutstanding(), f.maxLength());
    }
  }
}
