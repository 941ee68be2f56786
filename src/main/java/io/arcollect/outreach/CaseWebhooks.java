package io.arcollect.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.casework.CaseEvent;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Case events for other systems (ERP, CRM, chat): a JSON body signed with HMAC-SHA256 under the shared secret,
 * sent as {@code X-ArCollect-Signature: sha256=<hex>} so the receiver can check it came from us unchanged.
 * Delivered by case-webhook.bpmn with retries.
 */
@Service
public class CaseWebhooks {

  private static final Logger log = LoggerFactory.getLogger(CaseWebhooks.class);

  /** One delivery: where, what, and its signature. */
  public record Delivery(String id, String event, String caseNumber, String url, String body, String signature) {}

  private final OutreachSettings.Webhook webhook;
  private final ObjectMapper json;

  CaseWebhooks(OutreachSettings settings, ObjectMapper json) {
    this.webhook = settings.webhook();
    this.json = json;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    if (webhook.configured()) {
      log.info("Webhooks: case events are posted to {}", webhook.url());
    } else {
      log.info("Webhooks: off, no webhook configured (ARCOLLECT_WEBHOOK_URL); case events are not posted");
    }
  }

  /** The delivery of an event; empty (and logged) when no webhook URL is configured. */
  public Optional<Delivery> delivery(CaseEvent event) {
    if (!webhook.configured()) {
      log.debug("Webhook for {} of case {} skipped: no webhook configured (ARCOLLECT_WEBHOOK_URL)", event.type(),
          event.caseNumber());
      return Optional.empty();
    }
    String id = UUID.randomUUID().toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliveryId", id);
    body.put("event", event.type().name());
    body.put("caseNumber", event.caseNumber());
    body.put("customerAccount", event.customerAccount());
    body.put("outstandingAmount", event.outstandingAmount() == null ? null : event.outstandingAmount().toPlainString());
    body.put("currency", event.currency());
    body.put("outcome", event.outcome());
    body.put("occurredAt", event.occurredAt().toString());
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return Optional.of(new Delivery(id, event.type().name(), event.caseNumber(), webhook.url(), text,
        sign(text, webhook.secret())));
  }

  /** Hex HMAC-SHA256 of the body: what receivers recompute to verify a delivery. */
  public static String sign(String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
