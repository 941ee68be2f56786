package io.arcollect.process;

import io.arcollect.casework.CaseEvent;
import io.arcollect.outreach.CaseWebhooks;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every case event becomes a case-webhook delivery when a webhook is configured, in the case's transaction. */
@Component
class StartCaseWebhook {

  private final CaseWebhooks webhooks;
  private final RuntimeService runtime;
  private final IdentityService identity;

  StartCaseWebhook(CaseWebhooks webhooks, RuntimeService runtime, IdentityService identity) {
    this.webhooks = webhooks;
    this.runtime = runtime;
    this.identity = identity;
  }

  @EventListener
  void on(CaseEvent event) {
    webhooks.delivery(event).ifPresent(delivery -> AsEngine.call(identity, () -> runtime.startProcessInstanceByKey(
        "case-webhook", delivery.caseNumber(), Map.of("caseNumber", delivery.caseNumber(),
            "webhookEvent", delivery.event(), "webhookDelivery", delivery.id(), "webhookUrl", delivery.url(),
            "webhookBody", delivery.body(), "webhookSignature", "sha256=" + delivery.signature()))));
  }
}
