package io.arcollect.ledger;

import io.arcollect.ledger.LedgerViews.PaymentView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class PaymentController {

  private final BankStatementImport statementImport;
  private final PaymentReceipt receipt;
  private final PaymentRepository payments;
  private final AllocationRepository allocations;
  private final ImportLimits limits;

  PaymentController(BankStatementImport statementImport, PaymentReceipt receipt, PaymentRepository payments,
      AllocationRepository allocations, ImportLimits limits) {
    this.statementImport = statementImport;
    this.receipt = receipt;
    this.payments = payments;
    this.allocations = allocations;
    this.limits = limits;
  }

  /** An ISO 20022 camt.053 bank-to-customer statement (001.02 to 001.08). */
  @PostMapping(path = "/api/bank-statements", consumes = {"application/xml", "text/xml"})
  @PreAuthorize(LedgerAccess.FINANCE)
  StatementImportReport importStatement(HttpServletRequest request) throws IOException {
    return statementImport.importStatements(limits.limit(request.getInputStream(), request.getContentLengthLong()));
  }

  record PaymentEntry(@NotBlank @Size(max = 140) String bankReference, @NotNull LocalDate valueDate,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
      @NotBlank @Pattern(regexp = "[A-Za-z]{3}") String currency, @Size(max = 200) String payerName,
      @Size(max = 34) String payerIban, @Size(max = 2000) String remittanceText) {}

  /** A payment entered by hand (a cheque, a transfer seen outside the statements). */
  @PostMapping("/api/payments")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(LedgerAccess.FINANCE)
  @Transactional
  PaymentView enter(@Valid @RequestBody PaymentEntry entry) {
    Payment payment = receipt.receive(new ReceivedMoney(entry.bankReference(), null, entry.valueDate(), entry.valueDate(),
        entry.amount(), entry.currency().toUpperCase(Locale.ROOT), entry.payerName(), entry.payerIban(),
        entry.remittanceText()));
    return PaymentView.of(payment, allocations.findByPayment(payment));
  }

  /** Payments, newest first; {@code ?status=unmatched} lists what finance still has to allocate. */
  @GetMapping("/api/payments")
  @PreAuthorize(LedgerAccess.EVERY_CUSTOMER)
  @Transactional(readOnly = true)
  List<PaymentView> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    PageRequest pageRequest = io.arcollect.system.Paging.of(page, size, 1000);
    List<Payment> found;
    if (status == null) {
      found = payments.findLatest(pageRequest);
    } else {
      PaymentStatus wanted;
      try {
        wanted = PaymentStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "status must be one of matched, partially_matched, unmatched");
      }
      found = payments.findByStatus(wanted, pageRequest);
    }
    return found.stream().map(p -> PaymentView.of(p, allocations.findByPayment(p))).toList();
  }

  @GetMapping("/api/payments/{bankReference}")
  @PreAuthorize(LedgerAccess.EVERY_CUSTOMER)
  @Transactional(readOnly = true)
  PaymentView get(@PathVariable String bankReference) {
    Payment payment = payments.findByBankReference(bankReference).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "No payment with bank reference " + bankReference));
    return PaymentView.of(payment, allocations.findByPayment(payment));
  }
}
