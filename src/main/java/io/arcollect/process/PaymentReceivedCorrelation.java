package io.arcollect.process;

import io.arcollect.casework.CaseOutstanding;
import io.arcollect.identity.SystemAuthority;
import io.arcollect.ledger.PaymentAllocated;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Money allocated to a customer's invoices moves the customer's open case on: its outstanding amount is
 * recomputed and the case process gets PaymentReceived, in the same transaction as the allocation.
 */
@Component
class PaymentReceivedCorrelation {

  private final CaseOutstanding outstanding;
  private final RuntimeService runtime;
  private final SystemAuthority system;

  PaymentReceivedCorrelation(CaseOutstanding outstanding, RuntimeService runtime, SystemAuthority system) {
    this.system = system;
    this.outstanding = outstanding;
    this.runtime = runtime;
  }

  @EventListener
  void on(PaymentAllocated payment) {
    outstanding.openCaseOf(payment.customerAccount()).ifPresent(caseNumber -> system.run(() -> {
      java.math.BigDecimal left = outstanding.refresh(caseNumber);
      runtime.createMessageCorrelation("PaymentReceived")
          .processInstanceBusinessKey(caseNumber)
          .setVariable("outstandingAmount", left.doubleValue())
          .setVariable("lastPaymentAmount", payment.allocatedAmount().doubleValue())
          .setVariable("lastPaymentDate", payment.valueDate().toString())
          .correlateAll();
    }));
  }
}
