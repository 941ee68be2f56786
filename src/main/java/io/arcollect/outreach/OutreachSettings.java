package io.arcollect.outreach;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How ArCollect writes to customers and to other systems (README, "Outreach").
 *
 * @param company the letter head and signature of every message
 * @param mailFrom the sender address of emails (the SMTP server itself is Spring's spring.mail.*)
 * @param sms the SMS gateway; no URL = SMS contacts are skipped and logged as such
 * @param webhook where case events are posted; no URL = no webhooks
 * @param policy the contact policy every automatic contact passes
 * @param notice interest and fees a formal notice claims, if any
 * @param textsDir a folder whose messages*.properties and templates/*.html override the bundled texts, read at
 *     send time (no rebuild, no restart); empty = the bundled texts only
 */
@ConfigurationProperties(prefix = "arcollect.outreach")
public record OutreachSettings(@DefaultValue Company company, @DefaultValue("collections@arcollect.example") String mailFrom,
    @DefaultValue Sms sms, @DefaultValue Webhook webhook, @DefaultValue Policy policy, @DefaultValue Notice notice,
    @DefaultValue("") String textsDir) {

  /** Letter head: the creditor's name, address lines, contact and bank details for payment. */
  public record Company(@DefaultValue("ArCollect Demo Ltd") String name, @DefaultValue List<String> address,
      @DefaultValue("") String phone, @DefaultValue("") String email, @DefaultValue("") String bankAccount) {}

  /** A generic JSON SMS gateway: POST {to, text, reference} with a bearer token. */
  public record Sms(@DefaultValue("") String url, @DefaultValue("") String token) {

    public Sms {
      if (StringUtils.hasText(url) && !StringUtils.hasText(token)) {
        throw new IllegalArgumentException("arcollect.outreach.sms.token (ARCOLLECT_SMS_TOKEN) is required when an SMS "
            + "gateway URL is set");
      }
    }

    public boolean configured() {
      return StringUtils.hasText(url);
    }
  }

  /** Case events are POSTed as JSON, signed with HMAC-SHA256 of the body under {@code secret}. */
  public record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret) {

    public Webhook {
      if (StringUtils.hasText(url) && !StringUtils.hasText(secret)) {
        throw new IllegalArgumentException("arcollect.outreach.webhook.secret (ARCOLLECT_WEBHOOK_SECRET) is required "
            + "when a webhook URL is set: receivers check the signature with it");
      }
    }

    public boolean configured() {
      return StringUtils.hasText(url);
    }
  }

  /**
   * @param quietFrom no automatic contact from this local time of the customer ...
   * @param quietUntil ... until this one the next morning
   * @param maxContactsPerWeek automatic contacts per customer in any rolling 7 days
   */
  public record Policy(@DefaultValue("20:00") LocalTime quietFrom, @DefaultValue("08:00") LocalTime quietUntil,
      @DefaultValue("3") int maxContactsPerWeek) {

    public Policy {
      if (maxContactsPerWeek < 1) {
        throw new IllegalArgumentException("arcollect.outreach.policy.max-contacts-per-week must be at least 1");
      }
    }
  }

  /**
   * @param annualInterestPercent default interest claimed on each overdue invoice from its due date, 0 = none
   * @param fee a fixed collection fee per notice in the case's currency, 0 = none
   */
  public record Notice(@DefaultValue("0") BigDecimal annualInterestPercent, @DefaultValue("0") BigDecimal fee) {}
}
