package io.arcollect.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a process owner changes a customer-facing text in the texts folder (arcollect.outreach.texts-dir) of the
 * running application, without a rebuild or restart; the next SMS carries it. Texts not in the folder stay the
 * bundled ones.
 */
class TextsWithoutRebuildTest extends OutreachTestBase {

  @AfterEach
  void bundledTextsAgain() throws Exception {
    Files.deleteIfExists(TEXTS_DIR.resolve("messages.properties"));
    Files.deleteIfExists(TEXTS_DIR.resolve("messages_zh.properties"));
  }

  @Test
  void aChangedSmsTextIsUsedOnTheNextSmsWithoutARestart() throws Exception {
    HTTP.stubFor(post("/sms").willReturn(okJson("{\"id\":\"sms-t\"}")));
    Case c = openCase(Customer.english("Text Change Traders"));

    sendSms(c);
    assertThat(lastSmsText()).as("the bundled text first").contains("is still unpaid (case " + c.number() + ")");

    Files.writeString(TEXTS_DIR.resolve("messages.properties"),
        "sms.follow-up={3}: {1} {2} still open on case {0}. Our formal notice follows next week unless you pay.\n",
        StandardCharsets.UTF_8);
    sendSms(c);
    assertThat(lastSmsText()).isEqualTo(companyName() + ": USD 1,000.00 still open on case " + c.number()
        + ". Our formal notice follows next week unless you pay.");

    Files.writeString(TEXTS_DIR.resolve("messages.properties"),
        "sms.follow-up={3}: last friendly reminder for case {0}, {1} {2}.\n", StandardCharsets.UTF_8);
    // a file written within the same millisecond would look unchanged: make the change visible as a real edit is
    Files.setLastModifiedTime(TEXTS_DIR.resolve("messages.properties"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
    sendSms(c);
    assertThat(lastSmsText()).isEqualTo(companyName() + ": last friendly reminder for case " + c.number()
        + ", USD 1,000.00.");

    HTTP.verify(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.reference",
        containing(c.number()))));
  }

  private void sendSms(Case c) {
    HTTP.resetRequests();
    transaction.executeWithoutResult(status -> progress.requestContact(c.number(), "SMS", "follow-up",
        c.instance().getId(), Map.of()));
    List<ProcessInstance> contacts = contacts(c);
    contacts.stream().filter(contact -> "SMS".equals(runtime.getVariable(contact.getId(), "channel")))
        .forEach(contact -> runJobs(contact.getId()));
    assertThat(HTTP.findAll(postRequestedFor(urlEqualTo("/sms")))).as("one SMS went to the gateway").hasSize(1);
  }

  private String lastSmsText() throws Exception {
    var requests = HTTP.findAll(postRequestedFor(urlEqualTo("/sms")));
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(requests.get(0).getBodyAsString())
        .get("text").asText();
  }

  private String companyName() {
    return context.getBean(OutreachSettings.class).company().name();
  }
}
