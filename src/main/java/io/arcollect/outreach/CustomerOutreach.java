package io.arcollect.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.casework.CaseDocuments;
import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import io.arcollect.ledger.CustomerDirectory;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Makes an automatic contact the contact policy allowed, on its channel, and writes it to the contact log with
 * a reference to what was sent: the email's Message-ID, the stored letter, the SMS gateway's answer. A contact
 * that cannot go out (no address, no SMTP server, no gateway) is logged as skipped with the reason.
 */
@Service
public class CustomerOutreach {

  private static final Logger log = LoggerFactory.getLogger(CustomerOutreach.class);

  /** The HTTP call the SMS gateway task makes (Camunda Connect, in customer-contact.bpmn). */
  public record SmsCall(String url, String authorization, String body) {}

  private final CustomerMessages messages;
  private final CustomerDirectory customers;
  private final FormalNoticeLetter letters;
  private final CustomerMail mail;
  private final CaseDocuments documents;
  private final ContactLog contactLog;
  private final ContactReservations reservations;
  private final OutreachSettings settings;
  private final ObjectMapper json;
  private final Clock clock;

  CustomerOutreach(CustomerMessages messages, CustomerDirectory customers, FormalNoticeLetter letters, CustomerMail mail,
      CaseDocuments documents, ContactLog contactLog, ContactReservations reservations, OutreachSettings settings,
      ObjectMapper json, Clock clock) {
    this.reservations = reservations;
    this.messages = messages;
    this.customers = customers;
    this.letters = letters;
    this.mail = mail;
    this.documents = documents;
    this.contactLog = contactLog;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
  }

  /** A reminder, confirmation or thank-you by email. */
  @Transactional
  public void email(ContactRequest request) {
    CustomerMessage message = messages.compose(request);
    String to = message.customer().email();
    if (!StringUtils.hasText(to)) {
      logContact(message, "SKIPPED", "No email address on file for the customer", null);
      return;
    }
    String subject = messages.subject(message);
    String html = messages.emailBody(message);
    Optional<String> messageId = mail.send(request.caseNumber(), to, subject, html);
    if (messageId.isEmpty()) {
      logContact(message, "SKIPPED", "No SMTP server configured (SPRING_MAIL_HOST): the email to " + to + " was not sent",
          null);
      return;
    }
    if (request.caseNumber() == null) {
      // a pre-due reminder: no case to keep the body with
      logContact(message, "SENT", "Email to " + to + ": " + subject + " (invoices " + request.detail("invoiceNumbers")
          + ")", "message:" + messageId.get());
      return;
    }
    long body = storeBody(request, "", html);
    logContact(message, "SENT", "Email to " + to + ": " + subject, "document:" + body + " message:" + messageId.get());
  }

  /** The email as sent, a case document like the letters (size and SHA-256 in the trail). */
  private long storeBody(ContactRequest request, String suffix, String html) {
    String kind = ("EMAIL_" + request.template().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    kind = kind.length() > 32 ? kind.substring(0, 32) : kind;
    return documents.store(request.caseNumber(), kind, request.caseNumber() + "-" + request.template() + suffix + "-email.html",
        "text/html; charset=UTF-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), clock.instant());
  }

  /** The formal notice: a PDF letter stored with the case and sent with a cover email. */
  @Transactional
  public void letter(ContactRequest request) {
    CustomerMessage message = messages.compose(request);
    byte[] pdf = letters.render(message);
    String fileName = request.caseNumber() + "-" + request.template() + ".pdf";
    long documentId = documents.store(request.caseNumber(), request.template().toUpperCase().replace('-', '_'), fileName,
        "application/pdf", pdf, clock.instant());
    String document = "document:" + documentId;
    String to = message.customer().email();
    if (!StringUtils.hasText(to)) {
      logContact(message, "STORED", "No email address on file: print and post the stored letter " + fileName
          + deadlineNote(request) + addressNote(message), document);
      return;
    }
    String html = messages.emailBody(message);
    Optional<String> messageId = mail.send(request.caseNumber(), to, messages.subject(message), html,
        new CustomerMail.Attachment(fileName, "application/pdf", pdf));
    if (messageId.isEmpty()) {
      logContact(message, "STORED", "No SMTP server configured (SPRING_MAIL_HOST): print and post the stored letter "
          + fileName, document);
      return;
    }
    long cover = storeBody(request, "-cover", html);
    logContact(message, "SENT", "Letter " + fileName + " emailed to " + to + deadlineNote(request) + addressNote(message),
        document + " document:" + cover + " message:" + messageId.get());
  }

  private static String deadlineNote(ContactRequest request) {
    String deadline = request.detail("noticeDeadline");
    return deadline == null ? "" : "; payment deadline " + deadline.substring(0, Math.min(10, deadline.length()));
  }

  private static String addressNote(CustomerMessage message) {
    return message.customer().address().isPresent() ? "" : "; no postal address on file: the letter has none";
  }

  /** The gateway call for an SMS; empty (and logged as skipped) without a phone number or a gateway. */
  @Transactional
  public Optional<SmsCall> sms(ContactRequest request) {
    CustomerMessage message = messages.compose(request);
    String phone = message.customer().phone();
    if (!StringUtils.hasText(phone)) {
      logContact(message, "SKIPPED", "No phone number on file for the customer", null);
      return Optional.empty();
    }
    OutreachSettings.Sms gateway = settings.sms();
    if (!gateway.configured()) {
      log.info("SMS for case {} skipped: no SMS gateway configured (ARCOLLECT_SMS_URL)", request.caseNumber());
      logContact(message, "SKIPPED", "No SMS gateway configured (ARCOLLECT_SMS_URL)", null);
      return Optional.empty();
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("to", phone);
    body.put("text", messages.sms(message));
    body.put("reference", request.caseNumber() == null ? request.customerAccount() : request.caseNumber());
    return Optional.of(new SmsCall(gateway.url(), "Bearer " + gateway.token(), write(body)));
  }

  /** The gateway took the SMS: logged with the gateway's message id when it answers one. */
  @Transactional
  public void smsSent(ContactRequest request, int statusCode, String response) {
    CustomerProfile customer = customers.find(request.customerAccount())
        .orElseThrow(() -> new IllegalStateException("No customer " + request.customerAccount()));
    String id = gatewayMessageId(response);
    logContact(request, customer.id(), "SENT", "SMS to " + customer.phone() + " (gateway answered " + statusCode + ")",
        id == null ? "sms:status-" + statusCode : "sms:" + id);
  }

  private void logContact(CustomerMessage message, String outcome, String notes, String reference) {
    logContact(message.request(), message.customer().id(), outcome, notes, reference);
  }

  private void logContact(ContactRequest request, long customerId, String outcome, String notes, String reference) {
    // sent (then the log counts it towards the weekly maximum) or not: the place the policy reserved is free again
    reservations.release(request.processInstanceId());
    contactLog.record(new ContactAttempt(request.caseNumber(), customerId, request.channel(), request.template(),
        clock.instant(), null, outcome, notes, reference, request.processInstanceId(), null));
  }

  private String gatewayMessageId(String response) {
    if (!StringUtils.hasText(response)) {
      return null;
    }
    try {
      JsonNode answer = json.readTree(response);
      JsonNode id = answer.hasNonNull("id") ? answer.get("id") : answer.get("messageId");
      return id == null || id.isNull() ? null : id.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
