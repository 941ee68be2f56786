package io.arcollect.outreach;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends emails to customers over SMTP (Spring Mail, spring.mail.* / SPRING_MAIL_HOST). Without an SMTP server
 * configured there is no sender, and callers log the email as skipped.
 */
@Component
public class CustomerMail {

  /** A file attached to an email. */
  public record Attachment(String fileName, String contentType, byte[] content) {}

  private final ObjectProvider<JavaMailSender> sender;
  private final OutreachSettings settings;
  private final java.time.Clock clock;

  CustomerMail(ObjectProvider<JavaMailSender> sender, OutreachSettings settings, java.time.Clock clock) {
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
  }

  /** Sends an HTML email and answers its Message-ID; empty when no SMTP server is configured. */
  public Optional<String> send(String caseNumber, String to, String subject, String html, Attachment... attachments) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return Optional.empty();
    }
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, attachments.length > 0, "UTF-8");
      helper.setFrom(settings.mailFrom(), settings.company().name());
      helper.setTo(to);
      if (!settings.company().email().isBlank()) {
        helper.setReplyTo(settings.company().email());
      }
      helper.setSubject(subject);
      helper.setText(html, true);
      for (Attachment attachment : attachments) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
      message.setHeader("X-ArCollect-Case", caseNumber);
      // the business date, as in the contact log (not the server's real date when a test or simulation moves it)
      message.setSentDate(java.util.Date.from(clock.instant()));
      mail.send(message);
      return Optional.of(message.getMessageID());
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("Could not write the email of case " + caseNumber + " to " + to, e);
    } catch (MailException e) {
      // the job fails and is retried; after the last retry it becomes an incident
      throw new IllegalStateException("The SMTP server did not take the email of case " + caseNumber + ": "
          + e.getMessage(), e);
    }
  }
}
