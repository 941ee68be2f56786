package io.arcollect.casework;

import io.arcollect.identity.SystemAuthority;
import io.arcollect.ledger.OverdueItems;
import io.arcollect.ledger.OverdueItems.OverdueAccount;
import io.arcollect.ledger.OverdueItems.OverdueInvoice;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import io.arcollect.system.UserError;

/**
 * The daily sweep: for every account with overdue open invoices and no open case, case-opening.dmn (the latest
 * deployed version, read at each run) decides before anything is created: open a case, remind only (no case) or
 * wait; overdue invoices of accounts that have an open case join it. Accounts are read page by page and each page is opened in a
 * transaction of its own (Camunda's requires-new command executor, so it works the same from the
 * aging-sweep process's job and from the REST call). Two sweeps at once, on one node or two, cannot open
 * a second case for a customer: the database's one-open-case constraint refuses it and the page is
 * retried account by account, skipping those another sweep took. Each page's transaction first locks its
 * customers (CustomerCaseLock), then reads their invoices: a payment for one of them is either committed before
 * and read, or its notice waits for the page's commit and reaches the case it opened or joined.
 */
@Service
public class AgingSweep {

  /**
   * What a run did: cases opened, invoices joined to open cases, accounts the decision left without a case (remind
   * only, wait) and accounts it could not decide (no exchange rate), each with the reason.
   */
  public record Result(int casesOpened, int invoicesJoined, int remindersOnly, int waiting,
      List<NotDecided> notDecided) {

    public Result(int casesOpened, int invoicesJoined) {
      this(casesOpened, invoicesJoined, 0, 0, List.of());
    }
  }

  /** An account the case-opening decision could not be asked about, and why. */
  public record NotDecided(String customerAccount, String reason) {}

  /** Counts of one run, added up page by page. */
  private static final class Tally {
    int opened;
    int reminders;
    int waiting;
    final List<NotDecided> notDecided = new ArrayList<>();
  }

  private static final Logger log = LoggerFactory.getLogger(AgingSweep.class);

  private final OverdueItems overdue;
  private final CaseOpening opening;
  private final CollectionCaseRepository cases;
  private final JdbcTemplate jdbc;
  private final CommandExecutor newTransaction;
  private final SystemAuthority system;
  private final Clock clock;
  private final CaseOpeningDecision decision;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final CustomerCaseLock lock;
  private final int pageSize;
  private final int threads;
  private final EntityManager entityManager;

  AgingSweep(OverdueItems overdue, CaseOpening opening, CollectionCaseRepository cases, JdbcTemplate jdbc,
      ProcessEngineConfigurationImpl engine, SystemAuthority system, Clock clock, CaseOpeningDecision decision,
      org.springframework.context.ApplicationEventPublisher events, CustomerCaseLock lock,
      @Value("${arcollect.sweep.page-size:100}") int pageSize,
      @Value("${arcollect.sweep.threads:2}") int threads, EntityManager entityManager) {
    this.entityManager = entityManager;
    this.lock = lock;
    this.decision = decision;
    this.events = events;
    this.threads = threads;
    this.overdue = overdue;
    this.opening = opening;
    this.cases = cases;
    this.jdbc = jdbc;
    this.newTransaction = engine.getCommandExecutorTxRequiresNew();
    this.system = system;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /** Runs as the system, whoever asked for it: it opens cases for every account, not the caller's. */
  public Result run() {
    return system.call(this::sweep);
  }

  private Result sweep() {
    // an invoice due yesterday or earlier is overdue today; grace days are the case-opening decision's
    LocalDate dueBefore = LocalDate.now(clock);
    CaseOpeningDecision.Models models = decision.latest();
    Tally tally = new Tally();
    openCases(dueBefore, models, tally);
    int joined = joinInvoices(dueBefore);
    log.info("Aging sweep for invoices due before {}: {} cases opened, {} reminders only, {} waiting, {} not decided, "
        + "{} invoices joined open cases", dueBefore, tally.opened, tally.reminders, tally.waiting, tally.notDecided.size(),
        joined);
    return new Result(tally.opened, joined, tally.reminders, tally.waiting, List.copyOf(tally.notDecided));
  }

  private void openCases(LocalDate dueBefore, CaseOpeningDecision.Models models, Tally tally) {
    if (threads <= 1) {
      openCasesOn(dueBefore, models, tally, Runnable::run);
      return;
    }
    // pages are disjoint sets of customers, each opened in a transaction of its own: several at once
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      openCasesOn(dueBefore, models, tally, pool);
    } finally {
      pool.shutdown();
    }
  }

  private void openCasesOn(LocalDate dueBefore, CaseOpeningDecision.Models models, Tally tally,
      java.util.concurrent.Executor pages) {
    long after = 0;
    List<OverdueAccount> page;
    List<java.util.concurrent.CompletableFuture<Tally>> running = new ArrayList<>();
    do {
      page = overdue.accounts(dueBefore, after, pageSize);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).customerId();
      Set<Long> withCase = new HashSet<>(cases.findCustomersWithOpenCase(page.stream().map(OverdueAccount::customerId).toList()));
      List<OverdueAccount> due = page.stream().filter(account -> !withCase.contains(account.customerId())).toList();
      if (!due.isEmpty()) {
        running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> openAll(due, dueBefore, models), pages));
      }
      if (running.size() >= 2 * threads) {
        add(tally, joined(running.remove(0)));
      }
    } while (page.size() == pageSize);
    for (java.util.concurrent.CompletableFuture<Tally> rest : running) {
      add(tally, joined(rest));
    }
  }

  private static Tally joined(java.util.concurrent.CompletableFuture<Tally> page) {
    try {
      return page.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private Tally openAll(List<OverdueAccount> accounts, LocalDate dueBefore, CaseOpeningDecision.Models models) {
    Tally tally = new Tally();
    try {
      Tally page = newTransaction.execute(context -> openEach(accounts, dueBefore, models));
      add(tally, page);
    } catch (RuntimeException e) {
      if (!isConflictWithAnotherSweep(e)) {
        throw e;
      }
      // another sweep is opening some of these: one account per transaction, skipping those it took
      for (OverdueAccount account : accounts) {
        if (!cases.findCustomersWithOpenCase(List.of(account.customerId())).isEmpty()) {
          continue;
        }
        try {
          add(tally, newTransaction.execute(context -> openEach(List.of(account), dueBefore, models)));
        } catch (RuntimeException single) {
          if (!isConflictWithAnotherSweep(single)) {
            throw single;
          }
          log.debug("Account {} got its case from another sweep", account.accountNumber());
        }
      }
    }
    return tally;
  }

  private static void add(Tally tally, Tally page) {
    tally.opened += page.opened;
    tally.reminders += page.reminders;
    tally.waiting += page.waiting;
    tally.notDecided.addAll(page.notDecided);
  }

  private Tally openEach(List<OverdueAccount> candidates, LocalDate dueBefore, CaseOpeningDecision.Models models) {
    // the page's customers are ours until the commit: a payment notice for one of them waits for the case we open,
    // a payment committed before the lock is in the invoices read below (CustomerCaseLock)
    lock.forSweep(candidates.stream().map(OverdueAccount::customerId).toList());
    Set<Long> openedMeanwhile = new HashSet<>(cases.findCustomersWithOpenCase(
        candidates.stream().map(OverdueAccount::customerId).toList()));
    List<OverdueAccount> accounts = candidates.stream()
        .filter(account -> !openedMeanwhile.contains(account.customerId())).toList();
    List<Long> customerIds = accounts.stream().map(OverdueAccount::customerId).toList();
    Set<Long> referred = referredInvoices(customerIds);
    Map<Long, List<OverdueInvoice>> invoices = overdue.invoicesOf(customerIds, dueBefore).stream()
        .filter(invoice -> !referred.contains(invoice.invoiceId()))
        .collect(Collectors.groupingBy(OverdueInvoice::customerId));
    Tally tally = new Tally();
    for (OverdueAccount account : accounts) {
      List<OverdueInvoice> toCollect = invoices.getOrDefault(account.customerId(), List.of()).stream()
          .filter(invoice -> invoice.currency().equals(account.currency())).toList();
      if (toCollect.isEmpty()) {
        continue;
      }
      CaseOpeningDecision.Decided decided;
      try {
        decided = models.decide(account, toCollect, dueBefore);
      } catch (UserError noRate) {
        tally.notDecided.add(new NotDecided(account.accountNumber(), noRate.getMessage()));
        continue;
      }
      switch (decided.opening()) {
        case OPEN_CASE -> {
          opening.open(account, toCollect);
          // open() has flushed the case and what its start changed; the page's next cases need none of it, and a
          // persistence context growing with the page made each of their flushes dirty-check every case opened
          // before (issue 17: half of the sweep thread's time at 100 cases a page)
          entityManager.clear();
          tally.opened++;
        }
        case REMIND_ONLY -> {
          events.publishEvent(new ReminderOnlyRequested(account.accountNumber(), account.customerId(),
              toCollect.stream().map(OverdueInvoice::invoiceNumber).toList(), toCollect.stream()
                  .map(OverdueInvoice::openAmount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add),
              account.currency(), dueBefore, decided.version()));
          tally.reminders++;
        }
        case WAIT -> tally.waiting++;
      }
    }
    return tally;
  }

  private int joinInvoices(LocalDate dueBefore) {
    int joined = 0;
    long after = 0;
    List<CollectionCase> page;
    do {
      List<CollectionCase> openCases = cases.findOpenAfter(after, PageRequest.of(0, pageSize));
      page = openCases;
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).getId();
      joined += newTransaction.execute(context -> joinPage(openCases, dueBefore));
    } while (page.size() == pageSize);
    return joined;
  }

  private int joinPage(List<CollectionCase> candidates, LocalDate dueBefore) {
    // as when opening: a payment notice of these customers waits until the invoices joined are committed with the
    // case's new outstanding amount, or the invoices read below already show the payment
    lock.forSweep(candidates.stream().map(CollectionCase::getCustomerId).toList());
    // a case a payment closed since the page was read takes no invoices (the next sweep opens a new case for them)
    Set<Long> stillOpen = new HashSet<>(jdbc.queryForList("select id from collection_cases where status = 'OPEN' "
        + "and id in (" + candidates.stream().map(c -> String.valueOf(c.getId())).collect(Collectors.joining(",")) + ")",
        Long.class));
    List<CollectionCase> page = candidates.stream().filter(c -> stillOpen.contains(c.getId())).toList();
    if (page.isEmpty()) {
      return 0;
    }
    Map<Long, CollectionCase> byCustomer = page.stream()
        .collect(Collectors.toMap(CollectionCase::getCustomerId, c -> c));
    Set<Long> alreadyInCase = new HashSet<>(jdbc.queryForList(
        "select ci.invoice_id from case_invoices ci where ci.case_id in (" 
            + page.stream().map(c -> String.valueOf(c.getId())).collect(Collectors.joining(",")) + ")", Long.class));
    Set<Long> referred = referredInvoices(byCustomer.keySet());
    Map<Long, List<OverdueInvoice>> newcomers = overdue.invoicesOf(byCustomer.keySet(), dueBefore).stream()
        .filter(invoice -> !alreadyInCase.contains(invoice.invoiceId()) && !referred.contains(invoice.invoiceId()))
        .filter(invoice -> invoice.currency().equals(byCustomer.get(invoice.customerId()).getCurrency()))
        .collect(Collectors.groupingBy(OverdueInvoice::customerId));
    int joined = 0;
    for (Map.Entry<Long, List<OverdueInvoice>> entry : newcomers.entrySet()) {
      CollectionCase collectionCase = cases.findById(byCustomer.get(entry.getKey()).getId()).orElseThrow();
      opening.join(collectionCase, entry.getValue());
      joined += entry.getValue().size();
    }
    return joined;
  }

  /** Invoices of these customers that a closed case handed to lawyers or an agency: not ours to chase again. */
  private Set<Long> referredInvoices(java.util.Collection<Long> customerIds) {
    if (customerIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.queryForList("select ci.invoice_id from case_invoices ci join collection_cases k on k.id = ci.case_id "
        + "where k.outcome in ('REFERRED_TO_LEGAL', 'REFERRED_TO_AGENCY') and k.customer_id in ("
        + customerIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", Long.class));
  }

  /** The one-open-case constraint refused a case, or we waited too long for the sweep that holds it. */
  private static boolean isConflictWithAnotherSweep(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PessimisticLockingFailureException) {
        return true;
      }
      String message = String.valueOf(t.getMessage()).toUpperCase(java.util.Locale.ROOT);
      if (message.contains("UK_COLLECTION_CASES_ONE_OPEN_PER_CUSTOMER")) {
        return true;
      }
    }
    return false;
  }
}
