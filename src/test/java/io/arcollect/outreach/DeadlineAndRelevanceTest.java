package io.arcollect.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: one deadline for the formal notice (letter, case record, timer, trail), legal notices not held back by
 * the contact policy, and postponed contacts checked again for relevance when they are finally due.
 */
class DeadlineAndRelevanceTest extends OutreachTestBase {

  private static final DateTimeFormatter LONG = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);

  @Test
  void aNoticeApprovedInQuietHoursIsPostponedButItsLetterTheCaseAndTheTimerShareOneDeadlineAndLegalWaitsForItsEnd()
      throws Exception {
    Customer customer = Customer.english("Deadline Fixtures GmbH");
    Case c = openCase(customer);
    deliverContacts(c);
    complete(c, "sally", Map.of("contactOutcome", "REFUSES", "notes", "Will not pay"));
    // fiona approves late in the evening: 21:30 in Berlin, the customer's quiet hours
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T20:30:00Z")));
    LocalDate approvedOn = today();
    complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    deliverContacts(c);

    LocalDate deadline = approvedOn.plusDays(14);
    assertThat(record(c)).as("the case record keeps the deadline fixed at approval").isEqualTo(deadline);
    assertThat(runtime.getVariable(c.instance().getId(), "noticeDeadline")).isEqualTo(deadline.toString());
    assertThat(contactLog(c)).filteredOn(row -> "formal-notice".equals(row.get("template")))
        .singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("POSTPONED"));

    // the next morning the letter leaves: it still demands payment by the approval's deadline, not "today + 14"
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-03T07:00:01Z")));
    deliverContacts(c);
    MimeMessage notice = mailTo(customer.email()).stream().filter(mail -> subject(mail).startsWith("Formal notice"))
        .findFirst().orElseThrow();
    assertThat(subject(notice)).isEqualTo("Formal notice " + c.number() + ": payment due by " + deadline.format(LONG))
        .doesNotContain("{");
    String letter = pdfText(attachments(notice).get(c.number() + "-formal-notice.pdf"));
    assertThat(letter).contains("by " + deadline.format(LONG) + " at the latest")
        .doesNotContain(deadline.plusDays(1).format(LONG));
    assertThat(contactLog(c)).filteredOn(row -> "formal-notice".equals(row.get("template")))
        .extracting(row -> row.get("outcome")).containsExactly("POSTPONED", "SENT");
    assertThat(contactLog(c)).anySatisfy(row -> assertThat((String) row.get("notes"))
        .contains("Letter", "payment deadline " + deadline));

    // the timer runs to the end of that same day, never before
    Job timer = management.createJobQuery().processInstanceId(c.instance().getId()).activityId("Timer_NoticeDeadline")
        .singleResult();
    Instant endOfDeadline = deadline.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(endOfDeadline);
    ClockUtil.setCurrentTime(Date.from(endOfDeadline.minusSeconds(60)));
    runJobs(c.instance().getId());
    assertThat(stage(c)).as("on the deadline's last minute the case is still at formal notice").isEqualTo("FORMAL_NOTICE");
    ClockUtil.setCurrentTime(Date.from(endOfDeadline.plusSeconds(1)));
    management.executeJob(timer.getId());
    runJobs(c.instance().getId());
    assertThat(stage(c)).isEqualTo("LEGAL_REFERRAL");
    Instant referredAt = tasks.createTaskQuery().processInstanceId(c.instance().getId()).singleResult().getCreateTime()
        .toInstant();
    assertThat(referredAt).as("legal referral never before the letter's deadline is over").isAfterOrEqualTo(endOfDeadline);
  }

  @Test
  void aFormalNoticeIsNotHeldBackByTheWeeklyMaximumOfContacts() throws Exception {
    Customer customer = Customer.english("Capped Castings Ltd");
    Case c = openCase(customer);
    deliverContacts(c);
    for (int more = 0; more < 2; more++) {
      passTime(Duration.ofHours(1));
      transaction.executeWithoutResult(status -> progress.requestContact(c.number(), "EMAIL", "follow-up",
          c.instance().getId(), Map.of()));
      deliverContacts(c);
    }
    assertThat(mailTo(customer.email())).as("the week's 3 automatic contacts are used up").hasSize(3);

    complete(c, "sally", Map.of("contactOutcome", "REFUSES"));
    complete(c, "fiona", Map.of("demandLetterDecision", "APPROVED", "noticeDays", 14));
    deliverContacts(c);

    assertThat(mailTo(customer.email())).filteredOn(mail -> subject(mail).startsWith("Formal notice")).hasSize(1);
    assertThat(contactLog(c)).filteredOn(row -> "formal-notice".equals(row.get("template")))
        .extracting(row -> row.get("outcome")).containsExactly("SENT");
  }

  @Test
  void aPromiseConfirmationPostponedByTheWeeklyMaximumIsDroppedOnceThePromisedDateHasPassed() throws Exception {
    Customer customer = Customer.english("Late Promise Trading");
    Case c = openCase(customer);
    deliverContacts(c);
    for (int more = 0; more < 2; more++) {
      passTime(Duration.ofHours(1));
      transaction.executeWithoutResult(status -> progress.requestContact(c.number(), "EMAIL", "follow-up",
          c.instance().getId(), Map.of()));
      deliverContacts(c);
    }
    complete(c, "sally", Map.of("contactOutcome", "PROMISE_TO_PAY", "promisedAmount", 600, "promisedDate", "2026-03-05"));
    deliverContacts(c);
    assertThat(contactLog(c)).filteredOn(row -> "promise-confirmation".equals(row.get("template")))
        .extracting(row -> row.get("outcome")).containsExactly("POSTPONED");

    // a week after the first contact the window opens again: the promised 5 March is long gone
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-09T10:00:00Z")));
    deliverContacts(c);

    assertThat(mailTo(customer.email())).noneMatch(mail -> subject(mail).startsWith("Your payment promise"));
    assertThat(contactLog(c)).filteredOn(row -> "promise-confirmation".equals(row.get("template")))
        .extracting(row -> row.get("outcome")).containsExactly("POSTPONED", "SKIPPED");
    assertThat(contactLog(c)).filteredOn(row -> "promise-confirmation".equals(row.get("template"))).last()
        .satisfies(row -> assertThat((String) row.get("notes")).contains("promised date 2026-03-05 has passed"));
  }

  @Test
  void aFriendlyReminderPostponedByQuietHoursIsDroppedWhenTheCustomerPromisedMeanwhile() throws Exception {
    // the case opens at 22:00 in Berlin: the friendly reminder waits for 08:00
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T21:00:00Z")));
    Customer customer = Customer.english("Night Shift Metals");
    Case c = openCase(customer);
    deliverContacts(c);
    assertThat(contactLog(c)).extracting(row -> row.get("outcome")).containsExactly("POSTPONED");

    // the customer calls in half an hour later and promises to pay
    passTime(Duration.ofMinutes(30));
    complete(c, "sally", Map.of("contactOutcome", "PROMISE_TO_PAY", "promisedAmount", 1000, "promisedDate", "2026-03-10"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-03T07:00:01Z")));
    deliverContacts(c);

    List<MimeMessage> mails = mailTo(customer.email());
    assertThat(mails).extracting(DeadlineAndRelevanceTest::subject).containsExactly("Your payment promise " + c.number());
    assertThat(contactLog(c)).filteredOn(row -> "friendly-reminder".equals(row.get("template"))).last()
        .satisfies(row -> {
          assertThat(row.get("outcome")).isEqualTo("SKIPPED");
          assertThat((String) row.get("notes")).contains("promised", "USD 1000", "2026-03-10", "no reminder now");
        });
  }

  @Test
  void aPostponedReminderIsDroppedWhenTheCaseClosedMeanwhile() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T21:00:00Z")));
    Customer customer = Customer.english("Paid Overnight Ltd");
    Case c = openCase(customer);
    deliverContacts(c);
    transaction.executeWithoutResult(status -> progress.close(c.number(),
        io.arcollect.casework.CaseProgress.Outcome.CANCELLED, c.instance().getId()));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-03T07:00:01Z")));
    deliverContacts(c);

    assertThat(mailTo(customer.email())).isEmpty();
    assertThat(contactLog(c)).filteredOn(row -> "friendly-reminder".equals(row.get("template"))).last()
        .satisfies(row -> {
          assertThat(row.get("outcome")).isEqualTo("SKIPPED");
          assertThat((String) row.get("notes")).contains("was closed (CANCELLED)", "no longer relevant");
        });
  }

  private LocalDate record(Case c) {
    return jdbc.queryForObject("select notice_deadline from collection_cases where case_number = ?", LocalDate.class,
        c.number());
  }

  private String stage(Case c) {
    return jdbc.queryForObject("select stage from collection_cases where case_number = ?", String.class, c.number());
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
