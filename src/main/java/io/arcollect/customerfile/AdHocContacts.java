package io.arcollect.customerfile;

import io.arcollect.casework.ContactAttempt;
import io.arcollect.casework.ContactLog;
import io.arcollect.identity.SystemAuthority;
import io.arcollect.ledger.CustomerDirectory.CustomerProfile;
import io.arcollect.system.UserError;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a collector records from the customer file outside the current task: a call, a note, a promise to pay or a
 * dispute. On a customer with an open case it goes through the case (message CustomerContactLogged starts the
 * non-interrupting event sub-process "Ad-hoc contact" of collection-case.bpmn: the open task stays as it is); on a
 * customer without one only a note can be logged, straight into the contact log. Everything is checked before
 * anything is written: a refused entry changes nothing.
 */
@Service
public class AdHocContacts {

  public static final String MESSAGE = "CustomerContactLogged";

  public enum Kind { CALL, NOTE, PROMISE, DISPUTE }

  /** An entry as the page sends it; what a kind does not need is ignored. */
  public record Entry(String kind, String channel, String outcome, String notes, BigDecimal promisedAmount,
      LocalDate promisedDate, List<String> invoices) {}

  /** What was logged: on which case (null without one). */
  public record Logged(String caseNumber, String kind) {}

  private static final Set<String> CALL_CHANNELS = Set.of("PHONE", "VISIT", "EMAIL");
  private static final Set<String> CALL_OUTCOMES = Set.of("REACHED", "NO_ANSWER", "LEFT_MESSAGE", "CALL_BACK");

  private final CustomerFile file;
  private final ContactLog contactLog;
  private final RuntimeService runtime;
  private final SystemAuthority system;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  AdHocContacts(CustomerFile file, ContactLog contactLog, RuntimeService runtime, SystemAuthority system,
      JdbcTemplate jdbc, Clock clock) {
    this.file = file;
    this.contactLog = contactLog;
    this.runtime = runtime;
    this.system = system;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public Logged log(String accountNumber, Entry entry, String user) {
    CustomerProfile customer = file.visible(accountNumber);
    Kind kind = kind(entry.kind());
    String notes = entry.notes() == null || entry.notes().isBlank() ? null : entry.notes().trim();
    Map<String, Object> openCase = jdbc.queryForList("select case_number, outstanding_amount, currency from "
        + "collection_cases where customer_id = ? and status = 'OPEN'", customer.id()).stream().findFirst().orElse(null);
    if (openCase == null) {
      if (kind != Kind.NOTE) {
        throw UserError.badInput(customer.name() + " has no open case: only a note can be logged. A promise or a "
            + "dispute needs a case.");
      }
      contactLog.record(new ContactAttempt(null, customer.id(), "INTERNAL", "ad-hoc-note", clock.instant(), user,
          "NOTE", required(notes, "Write the note."), "Note from the customer file", null, null));
      return new Logged(null, kind.name());
    }
    String caseNumber = (String) openCase.get("case_number");
    Map<String, Object> variables = new HashMap<>();
    variables.put("adHocKind", kind.name());
    variables.put("adHocBy", user);
    // local to the event sub-process: the case's own promise, if one runs, is not touched
    variables.put("promisedAmount", null);
    variables.put("promisedDate", null);
    variables.put("outstandingAtPromise", null);
    variables.put("promiseCheckAt", null);
    variables.put("promiseKept", null);
    variables.put("disputedInvoices", null);
    variables.put("disputeReason", null);
    switch (kind) {
      case CALL -> {
        String channel = upper(entry.channel(), "PHONE");
        if (!CALL_CHANNELS.contains(channel)) {
          throw UserError.badInput("How the customer was contacted must be a phone call, a visit or an email.");
        }
        String outcome = upper(entry.outcome(), "REACHED");
        if (!CALL_OUTCOMES.contains(outcome)) {
          throw UserError.badInput("Say what came of the call: reached, no answer, message left or call back.");
        }
        variables.put("adHocChannel", channel);
        variables.put("adHocOutcome", outcome);
        variables.put("adHocNotes", notes);
      }
      case NOTE -> {
        variables.put("adHocChannel", "INTERNAL");
        variables.put("adHocOutcome", "NOTE");
        variables.put("adHocNotes", required(notes, "Write the note."));
      }
      case PROMISE -> {
        BigDecimal amount = entry.promisedAmount();
        if (amount == null || amount.signum() <= 0) {
          throw UserError.badInput("A promise to pay needs the amount promised, above zero.");
        }
        BigDecimal outstanding = (BigDecimal) openCase.get("outstanding_amount");
        if (outstanding != null && amount.compareTo(outstanding) > 0) {
          throw UserError.badInput("The promised amount is more than the case's outstanding " + openCase.get("currency")
              + " " + io.arcollect.casework.CaseContext.money(outstanding) + ".");
        }
        LocalDate date = entry.promisedDate();
        if (date == null || date.isBefore(LocalDate.now(clock))) {
          throw UserError.badInput("A promise to pay needs the date the customer will pay, today or later.");
        }
        variables.put("adHocChannel", upper(entry.channel(), "PHONE"));
        variables.put("adHocOutcome", "PROMISE_TO_PAY");
        variables.put("adHocNotes", "Promised " + openCase.get("currency") + " "
            + io.arcollect.casework.CaseContext.money(amount) + " by " + date + (notes == null ? "" : ": " + notes));
        variables.put("promisedAmount", amount.doubleValue());
        variables.put("promisedDate", date.toString());
      }
      case DISPUTE -> {
        Set<String> ticked = new LinkedHashSet<>(entry.invoices() == null ? List.of() : entry.invoices());
        ticked.removeIf(n -> n == null || n.isBlank());
        if (ticked.isEmpty()) {
          throw UserError.badInput("Tick the invoices the customer disputes.");
        }
        List<String> open = jdbc.queryForList("""
            select i.invoice_number from case_invoices ci join collection_cases k on k.id = ci.case_id
              join invoices i on i.id = ci.invoice_id where k.case_number = ? and i.status = 'OPEN'
            """, String.class, caseNumber);
        List<String> foreign = ticked.stream().filter(n -> !open.contains(n)).toList();
        if (!foreign.isEmpty()) {
          throw UserError.badInput("Not open invoices of case " + caseNumber + ": " + String.join(", ", foreign) + ".");
        }
        String reason = required(notes, "Say what the customer disputes.");
        variables.put("adHocChannel", upper(entry.channel(), "PHONE"));
        variables.put("adHocOutcome", "DISPUTE");
        variables.put("adHocNotes", "Disputes " + String.join(", ", ticked) + ": " + reason);
        variables.put("disputedInvoices", String.join(", ", ticked));
        variables.put("disputeReason", reason);
      }
    }
    try {
      system.run(() -> runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(caseNumber)
          .setVariablesLocal(variables).correlate());
    } catch (MismatchingMessageCorrelationException e) {
      throw UserError.conflict("Case " + caseNumber + " is being closed or handed over and takes no more entries. "
          + "Log a note once it is closed.");
    }
    return new Logged(caseNumber, kind.name());
  }

  private static Kind kind(String text) {
    try {
      return Kind.valueOf(String.valueOf(text).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw UserError.badInput("Choose what to log: a call, a note, a promise to pay or a dispute.");
    }
  }

  private static String upper(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text.trim().toUpperCase(Locale.ROOT);
  }

  private static String required(String text, String message) {
    if (text == null || text.isBlank()) {
      throw UserError.badInput(message);
    }
    return text;
  }
}
