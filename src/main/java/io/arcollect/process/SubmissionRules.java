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
   * case has outstanding; {@code minLength}/{@code maxLength}: of a text. {@code whenField}/{@code whenValues}: the
   * field applies (and is then required) only while that other field has one of these values, as the form shows it
   * only then; {@code submittedOnly}: its value must come with this submission (a dispute's invoices), otherwise a
   * value the step already has counts (the days to pay the letter proposes).
   */
  public record Field(String name, String labelEn, String labelZh, Kind kind, boolean required, String whenField,
      Set<String> whenValues, boolean submittedOnly, List<String> choices, BigDecimal min, BigDecimal max,
      boolean upToOutstanding, int minLength, int maxLength) {

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
        amount("promisedAmount", "Promised amount", "承诺金额", "0.01", true).when("contactOutcome", "PROMISE_TO_PAY").field(),
        date("promisedDate", "Promised payment date", "承诺付款日期", 0, 365).when("contactOutcome", "PROMISE_TO_PAY").field(),
        invoices("disputedInvoices", "Disputed invoices", "有争议的发票").when("contactOutcome", "DISPUTE").field(),
        // invoices.dispute_reason is varchar(1000); the form takes 500
        text("disputeReason", "What the customer disputes", "客户争议的内容", 1, 500).when("contactOutcome", "DISPUTE").field(),
        notes());
    STEPS.put("Task_InitialContact", call);
    STEPS.put("Task_FollowUpCall", call);
    STEPS.put("Task_ApproveDemandLetter", List.of(
        choice("demandLetterDecision", "Decision", "决定", true, "APPROVED", "SEND_BACK"),
        // proposed by the step before (a variable of the case); the form hides it when the letter is sent back
        whole("noticeDays", "Days to pay", "付款期限（天）", 7, 90).when("demandLetterDecision", "APPROVED").fromCase(),
        // goes before the notes into the contact log (reasonVariable of the task)
        text("sendBackReason", "Why back to calls?", "为何退回催收电话？", 5, 1000).when("demandLetterDecision", "SEND_BACK").field(),
        notes()));
    STEPS.put("Task_RecordInstalmentPlan", List.of(
        amount("planDownPayment", "Down payment (due today)", "首付款（今日到期）", "0", true).field(),
        whole("planInstalmentCount", "Number of instalments", "分期期数", 1, 36).required(),
        date("planFirstDueDate", "First instalment due", "首期到期日", 0, 366).required(),
        whole("planIntervalDays", "Days between instalments", "分期间隔（天）", 7, 92).required(),
        notes()));
    STEPS.put("Task_ApproveInstalmentPlan", List.of(
        choice("planApproval", "Decision", "决定", true, "APPROVED", "REJECTED"), notes()));
    STEPS.put("Task_ResolveDispute", List.of(
        choice("disputeResolution", "Resolution", "处理方式", true, "CREDIT_NOTE", "CORRECTION", "REJECTED"),
        amount("creditAmount", "Amount to credit", "贷记金额", "0.01", true).when("disputeResolution", "CORRECTION").field(),
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
    return text("notes", "Notes", "备注", 0, MAX_TEXT).field();
  }

  private static Field choice(String name, String en, String zh, boolean required, String... values) {
    return new Field(name, en, zh, Kind.CHOICE, required, null, null, false, List.of(values), null, null, false, 0, 64);
  }

  private static Builder amount(String name, String en, String zh, String min, boolean upToOutstanding) {
    return new Builder(new Field(name, en, zh, Kind.AMOUNT, false, null, null, false, List.of(), new BigDecimal(min),
        new BigDecimal("999999999999.99"), upToOutstanding, 0, 0));
  }

  private static Builder whole(String name, String en, String zh, int min, int max) {
    return new Builder(new Field(name, en, zh, Kind.WHOLE, false, null, null, false, List.of(), BigDecimal.valueOf(min),
        BigDecimal.valueOf(max), false, 0, 0));
  }

  private static Builder date(String name, String en, String zh, int fromDays, int toDays) {
    return new Builder(new Field(name, en, zh, Kind.DATE, false, null, null, false, List.of(),
        BigDecimal.valueOf(fromDays), BigDecimal.valueOf(toDays), false, 0, 0));
  }

  private static Builder invoices(String name, String en, String zh) {
    return new Builder(new Field(name, en, zh, Kind.INVOICES, false, null, null, false, List.of(), null, null, false,
        0, 4000));
  }

  private static Builder text(String name, String en, String zh, int minLength, int maxLength) {
    return new Builder(new Field(name, en, zh, Kind.TEXT, false, null, null, false, List.of(), null, null, false,
        minLength, maxLength));
  }

  /** Fields made optional first; required, or required while another field has a value. */
  private record Builder(Field field) {
    /** Applies (and is required) only for these values of another field, and then comes with the submission. */
    Builder when(String otherField, String... values) {
      Field f = field;
      return new Builder(new Field(f.name(), f.labelEn(), f.labelZh(), f.kind(), true, otherField, Set.of(values), true,
          f.choices(), f.min(), f.max(), f.upToOutstanding(), f.minLength(), f.maxLength()));
    }

    /** A value the step already has counts as well (e.g. proposed by the step before). */
    Field fromCase() {
      Field f = field;
      return new Field(f.name(), f.labelEn(), f.labelZh(), f.kind(), f.required(), f.whenField(), f.whenValues(), false,
          f.choices(), f.min(), f.max(), f.upToOutstanding(), f.minLength(), f.maxLength());
    }

    Field required() {
      Field f = field;
      return new Field(f.name(), f.labelEn(), f.labelZh(), f.kind(), true, f.whenField(), f.whenValues(),
          f.submittedOnly(), f.choices(), f.min(), f.max(), f.upToOutstanding(), f.minLength(), f.maxLength());
    }
  }
}
