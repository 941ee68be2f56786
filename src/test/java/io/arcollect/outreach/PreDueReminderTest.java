package io.arcollect.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the daily pre-due step (pre-due-reminders.bpmn, pre-due-reminder.dmn) sends a courteous reminder N days
 * before the due date to the customers the decision picks, in their language, through the contact policy, logged.
 */
class PreDueReminderTest extends OutreachTestBase {

  @Test
  void aKeyAccountGetsAChineseReminderTwoDaysBeforeTheDueDateAndAReliablePayerGetsNone() throws Exception {
    String key = customer("KEY", "杭州明湖科技有限公司", "zh", "Asia/Shanghai", "ap@minghu.example", true);
    String reliable = customer("STANDARD", "Prompt Payers Ltd", "en", "Europe/Berlin", "ap@prompt.example", true);
    invoice(key + "-SOON", key, 800, today().plusDays(2));
    invoice(key + "-LATER", key, 300, today().plusDays(6));
    invoice(reliable + "-SOON", reliable, 500, today().plusDays(2));

    runTheDailyStep();

    List<MimeMessage> mails = mailTo("ap@minghu.example");
    assertThat(mails).hasSize(1);
    MimeMessage reminder = mails.get(0);
    assertThat(reminder.getSubject()).isEqualTo("温馨提示：USD 800.00 即将到期");
    String body = html(reminder);
    java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "outreach"))
        .resolve("pre-due-reminder-zh.html"), body);
    assertThat(body).contains("尊敬的杭州明湖科技有限公司：", "将于近日到期", key + "-SOON", "800.00", "注明发票号")
        .as("only the invoice due within the decision's two days").doesNotContain(key + "-LATER")
        .as("no overdue wording before the due date").doesNotContain("逾期天数", "{");
    assertThat(reminder.getSentDate()).as("the business date in the Date header")
        .isEqualTo(java.util.Date.from(MONDAY_MORNING));
    assertThat(mailTo("ap@prompt.example")).as("grade A/B standard customers are not bothered").isEmpty();
    assertThat(contactLogOf(key)).singleElement().satisfies(row -> {
      assertThat(row.get("template")).isEqualTo("pre-due-reminder");
      assertThat(row.get("outcome")).isEqualTo("SENT");
      assertThat(row.get("case_number")).isNull();
      assertThat((String) row.get("notes")).contains(key + "-SOON");
    });

    // the same morning again: each invoice is reminded once
    runTheDailyStep();
    assertThat(mailTo("ap@minghu.example")).hasSize(1);

    // four days later the second invoice is two days from its due date
    passTime(Duration.ofDays(4));
    runTheDailyStep();
    assertThat(mailTo("ap@minghu.example")).hasSize(2);
    assertThat(html(mailTo("ap@minghu.example").get(1))).contains(key + "-LATER").doesNotContain(key + "-SOON");
  }

  @Test
  void aReminderHeldBackByQuietHoursIsDroppedWhenTheInvoiceIsPaidMeanwhile() throws Exception {
    // 23:00 in Shanghai
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-03-02T15:00:00Z")));
    String key = customer("KEY", "深夜贸易有限公司", "zh", "Asia/Shanghai", "ap@shenye.example", true);
    invoice(key + "-SOON", key, 800, today().plusDays(2));

    runTheDailyStep();
    assertThat(contactLogOf(key)).extracting(row -> row.get("outcome")).containsExactly("POSTPONED");
    jdbc.update("update invoices set open_amount = 0, status = 'PAID', paid_date = ? where invoice_number = ?",
        Date.valueOf(today()), key + "-SOON");
    passTime(Duration.ofHours(10));
    runContactsOf(key);

    assertThat(mailTo("ap@shenye.example")).isEmpty();
    assertThat(contactLogOf(key)).extracting(row -> row.get("outcome")).containsExactly("POSTPONED", "SKIPPED");
    assertThat((String) contactLogOf(key).get(1).get("notes")).contains("paid", key + "-SOON");
  }

  /** What the timer start event does every morning, then what the job executor would do. */
  private void runTheDailyStep() {
    List<Job> timers = management.createJobQuery().processDefinitionKey("pre-due-reminders").timers().list();
    assertThat(timers).as("the daily timer of pre-due-reminders.bpmn").hasSize(1);
    ProcessInstance run = runtime.startProcessInstanceByKey("pre-due-reminders");
    runJobs(run.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run.getId()).singleResult())
        .as("the run looked at every customer").isNull();
    // the reminders it asked for go out (the job executor's work)
    for (ProcessInstance contact : runtime.createProcessInstanceQuery().processDefinitionKey("customer-contact")
        .variableValueEquals("requestedBy", run.getId()).list()) {
      runJobs(contact.getId());
    }
  }

  private void runContactsOf(String account) {
    for (ProcessInstance contact : runtime.createProcessInstanceQuery().processDefinitionKey("customer-contact")
        .variableValueEquals("customerAccount", account).list()) {
      runJobs(contact.getId());
    }
  }

  private List<Map<String, Object>> contactLogOf(String account) {
    runContactsOf(account);
    return jdbc.queryForList("select l.* from contact_log l join customers c on c.id = l.customer_id "
        + "where c.account_number = ? order by l.occurred_at, l.id", account);
  }

  private String customer(String tier, String name, String language, String zone, String email, boolean goodPayer) {
    String account = "PD%05d".formatted((int) (System.nanoTime() % 100000));
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email) "
        + "values (?, ?, ?, 'Software', 'USD', ?, ?, ?)", account, name, tier, language, zone, email);
    long id = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    if (goodPayer) {
      for (int i = 1; i <= 6; i++) {
        LocalDate due = today().minusDays(40L * i + 30);
        jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, "
            + "currency, status, paid_date, days_late) values (?, ?, ?, ?, 500, 0, 'USD', 'PAID', ?, 0)",
            account + "-P" + i, id, Date.valueOf(due.minusDays(30)), Date.valueOf(due), Date.valueOf(due));
      }
    }
    return account;
  }

  private void invoice(String number, String account, int amount, LocalDate due) {
    long id = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
        + "status) values (?, ?, ?, ?, ?, ?, 'USD', 'OPEN')", number, id, Date.valueOf(due.minusDays(30)),
        Date.valueOf(due), amount, amount);
  }
}
