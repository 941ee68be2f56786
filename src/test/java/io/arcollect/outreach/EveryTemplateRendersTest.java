package io.arcollect.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: every message to customers, in both languages, for every path a case takes (first contact, after
 * reminders, paid and closed), rendered from the real templates and texts: no {@code {n}} left, no "null", no
 * empty table, the customer's postal address on the letter, the letter's wording fits the path.
 */
class EveryTemplateRendersTest extends OutreachTestBase {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
  private static final Pattern TBODY = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL);
  private static final List<String> CASE_TEMPLATES = List.of("friendly-reminder", "follow-up", "promise-confirmation",
      "plan-confirmation", "formal-notice", "case-closed");

  @Autowired CustomerMessages messages;
  @Autowired FormalNoticeLetter letters;

  @Test
  void everyTemplateInBothLanguagesForEveryPath() throws Exception {
    List<String> checked = new ArrayList<>();
    for (String language : List.of("en", "zh")) {
      for (String path : List.of("first-contact", "after-reminders", "closed")) {
        Case c = openCase(language.equals("zh")
            ? new Customer("杭州明湖科技有限公司", "zh", "Asia/Shanghai", "ap" + path + "@minghu.example", "+8613800000000", false)
            : Customer.english("Addressed Alloys " + path));
        address(c, language);
        if (!path.equals("first-contact")) {
          deliverContacts(c); // the friendly reminder goes out
        }
        if (path.equals("closed")) {
          jdbc.update("update invoices set open_amount = 0, status = 'PAID', paid_date = due_date where customer_id = ? "
              + "and status = 'OPEN'", c.customerId());
        }
        for (String template : CASE_TEMPLATES) {
          if (path.equals("closed") != template.equals("case-closed")) {
            continue;
          }
          CustomerMessage message = messages.compose(new ContactRequest(c.number(), c.account(), "EMAIL", template,
              details(template), null));
          String where = language + "/" + path + "/" + template;
          String subject = messages.subject(message);
          String body = messages.emailBody(message);
          String sms = messages.sms(message);
          Path dir = Files.createDirectories(Path.of("target", "outreach", "templates"));
          Files.writeString(dir.resolve(language + "-" + path + "-" + template + ".html"), body);
          for (String text : List.of(subject, body, sms)) {
            assertThat(PLACEHOLDER.matcher(text).find()).as(where + ": no {n} left in " + text).isFalse();
            assertThat(text).as(where + ": no null").doesNotContain(">null<", " null", "null ");
          }
          assertNoEmptyTable(where, body);
          if (template.equals("case-closed")) {
            assertThat(body).as(where + ": nothing is open, so no invoice table").doesNotContain("<table")
                .doesNotContain("0.00");
          }
          if (template.equals("formal-notice")) {
            String letter = messages.letter(message);
            assertThat(PLACEHOLDER.matcher(letter).find()).as(where + " letter: no {n}").isFalse();
            assertNoEmptyTable(where + " letter", letter);
            for (String line : message.customer().address().orElseThrow().lines(message.locale())) {
              assertThat(letter).as(where + ": the postal address on the letter").contains(line);
            }
            boolean reminded = path.equals("after-reminders");
            String earlier = language.equals("zh") ? "尽管我们此前多次提醒" : "Despite our earlier reminders";
            if (reminded) {
              assertThat(letter).contains(earlier);
            } else {
              assertThat(letter).as(where + ": no reminders went out, the letter does not claim any").doesNotContain(earlier);
              assertThat(body).doesNotContain(language.equals("zh") ? "尽管我们多次提醒" : "Despite our reminders");
            }
            byte[] pdf = letters.render(message);
            Files.write(dir.resolve(language + "-" + path + "-formal-notice.pdf"), pdf);
            assertThat(DeadlineAndRelevanceTest.pdfText(pdf)).contains(message.customer().address().orElseThrow()
                .lines(message.locale()).get(0));
          }
          checked.add(where);
        }
      }
      // the pre-due reminder has no case
      Case c = openCase(Customer.english("Pre Due " + language));
      jdbc.update("update customers set language = ? where id = ?", language, c.customerId());
      jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
          + "status) values (?, ?, ?, ?, 250, 250, 'USD', 'OPEN')", c.account() + "-F", c.customerId(),
          java.sql.Date.valueOf(today().minusDays(20)), java.sql.Date.valueOf(today().plusDays(2)));
      CustomerMessage preDue = messages.compose(new ContactRequest(null, c.account(), "EMAIL", "pre-due-reminder",
          Map.of("invoiceNumbers", c.account() + "-F"), null));
      String body = messages.emailBody(preDue);
      for (String text : List.of(messages.subject(preDue), body, messages.sms(preDue))) {
        assertThat(PLACEHOLDER.matcher(text).find()).as(language + "/pre-due: no {n} in " + text).isFalse();
        assertThat(text).doesNotContain(">null<", " null", "null ");
      }
      assertNoEmptyTable(language + "/pre-due", body);
      assertThat(body).contains(c.account() + "-F").doesNotContain(c.account() + "-1");
      checked.add(language + "/pre-due-reminder");
    }
    assertThat(checked).hasSize(2 * (5 + 5 + 1 + 1));
  }

  private static void assertNoEmptyTable(String where, String html) {
    int tables = html.split("<table", -1).length - 1;
    Matcher bodies = TBODY.matcher(html);
    int filled = 0;
    while (bodies.find()) {
      assertThat(bodies.group(1)).as(where + ": a table with no rows").contains("<td");
      filled++;
    }
    assertThat(filled).as(where + ": every table has a body with rows").isEqualTo(tables - metaTables(html));
  }

  /** The letter's reference and totals tables have no tbody: they are lists of label and value. */
  private static int metaTables(String html) {
    return (html.split("<table class=\"meta\"", -1).length - 1) + (html.split("<table class=\"totals\"", -1).length - 1);
  }

  private static Map<String, String> details(String template) {
    Map<String, String> details = new HashMap<>();
    switch (template) {
      case "promise-confirmation" -> {
        details.put("promisedAmount", "600");
        details.put("promisedDate", "2026-03-10");
      }
      case "plan-confirmation" -> {
        details.put("planTotal", "1000");
        details.put("planDownPayment", "100");
        details.put("planInstalmentCount", "3");
        details.put("planAgreedOn", "2026-03-02");
        details.put("planFirstDueDate", "2026-03-16");
        details.put("planIntervalDays", "30");
      }
      case "formal-notice" -> details.put("noticeDeadline", "2026-03-16");
      default -> { }
    }
    return details;
  }

  private void address(Case c, String language) {
    if (language.equals("zh")) {
      jdbc.update("update customers set address_line1 = '西湖区文三路100号', postcode = '310012', city = '杭州市', "
          + "region = '浙江省', country = 'CN' where id = ?", c.customerId());
    } else {
      jdbc.update("update customers set address_line1 = 'Hafenstrasse 12', postcode = '20457', city = 'Hamburg', "
          + "country = 'DE' where id = ?", c.customerId());
    }
  }
}
