package io.arcollect.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what a received payment pays. First the invoice numbers the payer wrote in the remittance
 * information; failing that, the payer (a bank account seen before, or the exact customer name) and an
 * open invoice of exactly that amount, or all open invoices if the amount is exactly their total.
 * Money goes to the oldest invoices first; what is left after paying the invoices named is kept as the
 * customer's credit. Nothing matched: the payment waits for finance as UNMATCHED.
 */
@Service
public class PaymentMatching {

  private static final int MAX_REFERENCE_TOKENS = 50;
  private static final Comparator<Invoice> OLDEST_FIRST =
      Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getInvoiceNumber);

  private final InvoiceRepository invoices;
  private final CustomerRepository customers;
  private final AllocationRepository allocations;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PaymentMatching(InvoiceRepository invoices, CustomerRepository customers, AllocationRepository allocations,
      ApplicationEventPublisher events, Clock clock) {
    this.invoices = invoices;
    this.customers = customers;
    this.allocations = allocations;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public PaymentStatus match(Payment payment) {
    Customer payer = null;
    List<Invoice> paid = new ArrayList<>();
    List<Long> named = referencedOpenInvoices(payment.getRemittanceText());
    if (!named.isEmpty()) {
      List<Invoice> locked = sameCurrency(invoices.lockOpen(named), payment);
      allocateOldestFirst(payment, locked, paid);
      if (!locked.isEmpty()) {
        payer = locked.get(0).getCustomer();
      }
    }
    if (paid.isEmpty()) {
      payer = identifyPayer(payment);
      if (payer != null) {
        List<Invoice> open = sameCurrency(invoices.lockOpen(invoices.findOpenIdsOfCustomer(payer, payment.getCurrency())), payment);
        open.sort(OLDEST_FIRST);
        open.stream().filter(invoice -> invoice.getOpenAmount().compareTo(payment.getAmount()) == 0).findFirst()
            .ifPresentOrElse(
                exact -> allocateOldestFirst(payment, List.of(exact), paid),
                () -> {
                  BigDecimal total = open.stream().map(Invoice::getOpenAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                  if (!open.isEmpty() && total.compareTo(payment.getAmount()) == 0) {
                    allocateOldestFirst(payment, open, paid);
                  }
                });
      }
    }
    payment.settle(paid.isEmpty() ? payer : paid.get(0).getCustomer());
    if (!paid.isEmpty()) {
      Customer customer = paid.get(0).getCustomer();
      events.publishEvent(new PaymentAllocated(customer.getAccountNumber(), payment.getBankReference(),
          payment.getValueDate(), payment.getAmount().subtract(payment.getUnallocatedAmount()), payment.getCurrency(),
          paid.stream().map(Invoice::getInvoiceNumber).toList(),
          paid.stream().filter(invoice -> invoice.getStatus() == InvoiceStatus.PAID).map(Invoice::getInvoiceNumber).toList()));
    }
    return payment.getStatus();
  }

  private void allocateOldestFirst(Payment payment, List<Invoice> candidates, List<Invoice> paid) {
    List<Invoice> ordered = new ArrayList<>(candidates);
    ordered.sort(OLDEST_FIRST);
    for (Invoice invoice : ordered) {
      BigDecimal amount = payment.getUnallocatedAmount().min(invoice.getOpenAmount());
      if (amount.signum() <= 0) {
        break;
      }
      invoice.applyPayment(amount, payment.getValueDate());
      payment.allocated(amount);
      allocations.save(new Allocation(payment, invoice, amount, clock.instant()));
      paid.add(invoice);
    }
  }

  private List<Long> referencedOpenInvoices(String remittance) {
    if (remittance == null || remittance.isBlank()) {
      return List.of();
    }
    Set<String> tokens = new LinkedHashSet<>();
    Arrays.stream(remittance.split("[\\s,;:()\\[\\]{}\"'+]+"))
        .map(token -> token.replaceAll("^[.#/]+|[.#/]+$", ""))
        .filter(token -> token.length() >= 3 && token.length() <= 64)
        .limit(MAX_REFERENCE_TOKENS)
        .forEach(token -> {
          tokens.add(token);
          tokens.add(token.toUpperCase(Locale.ROOT));
        });
    return tokens.isEmpty() ? List.of() : invoices.findOpenIdsByNumbers(tokens);
  }

  private Customer identifyPayer(Payment payment) {
    if (payment.getPayerIban() != null) {
      List<Customer> known = customers.findKnownPayersOfIban(payment.getPayerIban());
      if (known.size() == 1) {
        return known.get(0);
      }
    }
    if (payment.getPayerName() != null) {
      List<Customer> named = customers.findByNameIgnoreCase(payment.getPayerName().trim());
      if (named.size() == 1) {
        return named.get(0);
      }
    }
    return null;
  }

  private static List<Invoice> sameCurrency(List<Invoice> candidates, Payment payment) {
    return new ArrayList<>(candidates.stream().filter(i -> i.getCurrency().equals(payment.getCurrency())).toList());
  }
}
