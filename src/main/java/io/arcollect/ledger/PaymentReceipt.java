package io.arcollect.ledger;

import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Records money received (from a statement line or entered by hand) and matches it to invoices. */
@Service
public class PaymentReceipt {

  private final PaymentRepository payments;
  private final PaymentMatching matching;
  private final Clock clock;

  PaymentReceipt(PaymentRepository payments, PaymentMatching matching, Clock clock) {
    this.payments = payments;
    this.matching = matching;
    this.clock = clock;
  }

  @Transactional
  public Payment receive(ReceivedMoney money) {
    requireAmount(money);
    if (payments.findByBankReference(money.bankReference()).isPresent()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "A payment with bank reference " + money.bankReference() + " was already received");
    }
    return store(money);
  }

  /**
   * For a statement import, which looked up all its lines' bank references in one query and skips those it has
   * seen (issue 17: the lookup per line, with the automatic flush before it, was a third of the import's time). The
   * unique bank reference still refuses a payment another import stored at the same moment.
   */
  @Transactional
  Payment receiveUnseen(ReceivedMoney money) {
    requireAmount(money);
    return store(money);
  }

  private Payment store(ReceivedMoney money) {
    Payment payment = payments.save(new Payment(money, clock.instant()));
    matching.match(payment);
    return payment;
  }

  private static void requireAmount(ReceivedMoney money) {
    if (money.amount() == null || money.amount().signum() <= 0) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A payment needs an amount above zero");
    }
  }
}
