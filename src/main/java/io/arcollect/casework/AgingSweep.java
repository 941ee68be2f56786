package io.arcollect.casework;

import io.arcollect.identity.SystemAuthority;
import io.arcollect.ledger.OverdueItems;
import io.arcollect.ledger.OverdueItems.OverdueAccount;
import io.arcollect.ledger.OverdueItems.OverdueInvoice;
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

/**
 * The daily sweep: every account with overdue open invoices and no open case gets one; overdue invoices of
 * accounts that have an open case join it. Accounts are read page by page and each page is opened in a
 * transaction of its own (Camunda's requires-new command executor, so it works the same from the
 * aging-sweep process's job and from the REST call). Two sweeps at once, on one node or two, cannot open
 * a second case for a customer: the database's one-open-case constraint refuses it and the page is
 * retried account by account, skipping those another sweep took.
 */
@Service
public class AgingSweep {

  public record Result(int casesOpened, int invoicesJoined) {}

  private static final Logger log = LoggerFactory.getLogger(AgingSweep.class);

  private final OverdueItems overdue;
  private final CaseOpening opening;
  private final CollectionCaseRepository cases;
  private final JdbcTemplate jdbc;
  private final CommandExecutor newTransaction;
  private final SystemAuthority system;
  private final Clock clock;
  private final int graceDays;
  private final int pageSize;
  private final int threads;

  AgingSweep(OverdueItems overdue, CaseOpening opening, CollectionCaseRepository cases, JdbcTemplate jdbc,
      ProcessEngineConfigurationImpl engine, SystemAuthority system, Clock clock,
      @Value("${arcollect.sweep.grace-days:0}") int graceDays,
      @Value("${arcollect.sweep.page-size:100}") int pageSize,
      @Value("${arcollect.sweep.threads:2}") int threads) {
    this.threads = threads;
    this.overdue = overdue;
    this.opening = opening;
    this.cases = cases;
    this.jdbc = jdbc;
    this.newTransaction = engine.getCommandExecutorTxRequiresNew();
    this.system = system;
    this.clock = clock;
    this.graceDays = graceDays;
    this.pageSize = pageSize;
  }

  /** Runs as the system, whoever asked for it: it opens cases for every account, not the caller's. */
  public Result run() {
    return system.call(this::sweep);
  }

  private Result sweep() {
    // grace 0: an invoice due yesterday or earlier is overdue today
    LocalDate dueBefore = LocalDate.now(clock).minusDays(graceDays);
    int opened = openCases(dueBefore);
    int joined = joinInvoices(dueBefore);
    log.info("Aging sweep for invoices due before {}: {} cases opened, {} invoices joined open cases", dueBefore, opened, joined);
    return new Result(opened, joined);
  }

  private int openCases(LocalDate dueBefore) {
    if (threads <= 1) {
      return openCasesOn(dueBefore, Runnable::run);
    }
    // pages are disjoint sets of customers, each opened in a transaction of its own: several at once
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      return openCasesOn(dueBefore, pool);
    } finally {
      pool.shutdown();
    }
  }

  private int openCasesOn(LocalDate dueBefore, java.util.concurrent.Executor pages) {
    int opened = 0;
    long after = 0;
    List<OverdueAccount> page;
    List<java.util.concurrent.CompletableFuture<Integer>> running = new ArrayList<>();
    do {
      page = overdue.accounts(dueBefore, after, pageSize);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).customerId();
      Set<Long> withCase = new HashSet<>(cases.findCustomersWithOpenCase(page.stream().map(OverdueAccount::customerId).toList()));
      List<OverdueAccount> due = page.stream().filter(account -> !withCase.contains(account.customerId())).toList();
      if (!due.isEmpty()) {
        running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> openAll(due, dueBefore), pages));
      }
      if (running.size() >= 2 * threads) {
        opened += joined(running.remove(0));
      }
    } while (page.size() == pageSize);
    for (java.util.concurrent.CompletableFuture<Integer> rest : running) {
      opened += joined(rest);
    }
    return opened;
  }

  private static int joined(java.util.concurrent.CompletableFuture<Integer> page) {
    try {
      return page.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private int openAll(List<OverdueAccount> accounts, LocalDate dueBefore) {
    try {
      return newTransaction.execute(context -> openEach(accounts, dueBefore));
    } catch (RuntimeException e) {
      if (!isConflictWithAnotherSweep(e)) {
        throw e;
      }
      // another sweep is opening some of these: one account per transaction, skipping those it took
      int opened = 0;
      for (OverdueAccount account : accounts) {
        if (!cases.findCustomersWithOpenCase(List.of(account.customerId())).isEmpty()) {
          continue;
        }
        try {
          opened += newTransaction.execute(context -> openEach(List.of(account), dueBefore));
        } catch (RuntimeException single) {
          if (!isConflictWithAnotherSweep(single)) {
            throw single;
          }
          log.debug("Account {} got its case from another sweep", account.accountNumber());
        }
      }
      return opened;
    }
  }

  private int openEach(List<OverdueAccount> accounts, LocalDate dueBefore) {
    List<Long> customerIds = accounts.stream().map(OverdueAccount::customerId).toList();
    Set<Long> referred = referredInvoices(customerIds);
    Map<Long, List<OverdueInvoice>> invoices = overdue.invoicesOf(customerIds, dueBefore).stream()
        .filter(invoice -> !referred.contains(invoice.invoiceId()))
        .collect(Collectors.groupingBy(OverdueInvoice::customerId));
    int opened = 0;
    for (OverdueAccount account : accounts) {
      List<OverdueInvoice> toCollect = invoices.getOrDefault(account.customerId(), List.of()).stream()
          .filter(invoice -> invoice.currency().equals(account.currency())).toList();
      if (!toCollect.isEmpty()) {
        opening.open(account, toCollect);
        opened++;
      }
    }
    return opened;
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

  private int joinPage(List<CollectionCase> page, LocalDate dueBefore) {
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
