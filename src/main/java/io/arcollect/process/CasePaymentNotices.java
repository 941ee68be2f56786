package io.arcollect.process;

import io.arcollect.casework.CaseOutstanding;
import io.arcollect.casework.CustomerCaseLock;
import io.arcollect.identity.SystemAuthority;
import io.arcollect.ledger.PaymentAllocated;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statement outbox. Money allocated to a customer's invoices leaves a notice for the customer's case in the
 * allocating transaction (table case_payment_notices), and nothing else: a statement of thousands of lines locks
 * no running case, and a conflict with a case's own job cannot undo the statement. After the commit every notice
 * is delivered in a transaction of its own: the open case's outstanding amount is recomputed and the case
 * process gets PaymentReceived, and the notice is marked delivered in that same transaction (delivered once).
 * A delivery that fails (another transaction changed the case at the same moment, the database was busy) is
 * rolled back and retried later with a growing pause, never given up and never an incident.
 *
 * <p>No interleaving with the aging sweep loses a payment: a delivery first waits for a sweep that is opening
 * the customer's case or joining invoices to it (CustomerCaseLock), so it either finds the case the sweep
 * opened or the sweep read the invoices after the payment; and a case found still in its first steps (not yet
 * waiting for PaymentReceived, started from the invoices as the sweep read them) keeps the notice undelivered
 * and due again shortly, until the case waits for payments.
 *
 * <p>Small commits (a payment entered by hand, a short statement) are delivered in the committing thread, so the
 * case has moved when the answer arrives; larger ones by a pool of workers (one customer's notices on one
 * worker, oldest first). A poller delivers what is still due: notices whose delivery failed, and those whose
 * node died between the commit and the delivery. Two nodes never deliver one notice twice: a delivery locks its
 * row (FOR UPDATE SKIP LOCKED) and checks it is still undelivered.
 */
@Component
public class CasePaymentNotices implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CasePaymentNotices.class);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);

  /** A notice as delivered: to which case, or why not. */
  public record Delivery(long id, boolean delivered, String caseNumber, String error) {}

  private record Notice(long id, String customerAccount, String bankReference, java.time.LocalDate valueDate,
      BigDecimal allocatedAmount, int attempts) {}

  private final JdbcTemplate jdbc;
  private final CaseOutstanding outstanding;
  private final CustomerCaseLock caseLock;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final SystemAuthority system;
  private final TransactionTemplate ownTransaction;
  private final boolean deliverAfterCommit;
  private final int inlineLimit;
  private final int workers;
  private final Duration pollInterval;
  private ExecutorService pool;
  private ScheduledExecutorService poller;
  private volatile boolean running;

  CasePaymentNotices(JdbcTemplate jdbc, CaseOutstanding outstanding, CustomerCaseLock caseLock, RuntimeService runtime,
      ManagementService management, SystemAuthority system, PlatformTransactionManager transactions,
      @Value("${arcollect.payment-notices.deliver-after-commit:true}") boolean deliverAfterCommit,
      @Value("${arcollect.payment-notices.inline-limit:20}") int inlineLimit,
      @Value("${arcollect.payment-notices.workers:0}") int workers,
      @Value("${arcollect.payment-notices.poll-interval:PT10S}") Duration pollInterval) {
    this.jdbc = jdbc;
    this.outstanding = outstanding;
    this.caseLock = caseLock;
    this.runtime = runtime;
    this.management = management;
    this.system = system;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.deliverAfterCommit = deliverAfterCommit;
    this.inlineLimit = inlineLimit;
    this.workers = workers > 0 ? workers : Math.max(2, Runtime.getRuntime().availableProcessors());
    this.pollInterval = pollInterval;
  }

  /** In the allocating transaction: the notice is stored with the allocation, delivered after the commit. */
  @EventListener
  void on(PaymentAllocated payment) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into case_payment_notices (customer_account, bank_reference, "
          + "value_date, allocated_amount, currency, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      insert.setString(1, payment.customerAccount());
      insert.setString(2, payment.bankReference());
      insert.setObject(3, payment.valueDate());
      insert.setBigDecimal(4, payment.allocatedAmount());
      insert.setString(5, payment.currency());
      insert.setTimestamp(6, now);
      insert.setTimestamp(7, now);
      return insert;
    }, key);
    long id = key.getKey().longValue();
    if (deliverAfterCommit && TransactionSynchronizationManager.isSynchronizationActive()) {
      committed().add(new Pending(id, payment.customerAccount()));
    }
  }

  private record Pending(long id, String customerAccount) {}

  private static final Object PENDING_KEY = new Object();

  @SuppressWarnings("unchecked")
  private List<Pending> committed() {
    List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(PENDING_KEY);
    if (pending == null) {
      List<Pending> fresh = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(PENDING_KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
          if (status == STATUS_COMMITTED) {
            deliverCommitted(fresh);
          }
        }
      });
      pending = fresh;
    }
    return pending;
  }

  private void deliverCommitted(List<Pending> pending) {
    // inside an engine command (a payment entered by a case's own step) the engine's context is still that
    // command's: deliver on a worker so the delivery gets a command and a transaction of its own
    boolean inEngineCommand = org.camunda.bpm.engine.impl.context.Context.getCommandContext() != null;
    if (pool == null || (pending.size() <= inlineLimit && !inEngineCommand)) {
      pending.forEach(p -> deliverQuietly(p.id()));
      return;
    }
    byWorker(pending).forEach(ids -> pool.submit(() -> ids.forEach(this::deliverQuietly)));
  }

  /** One customer's notices on one worker, oldest first; customers spread over the workers. */
  private List<List<Long>> byWorker(List<Pending> pending) {
    List<List<Long>> lanes = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      lanes.add(new ArrayList<>());
    }
    pending.forEach(p -> lanes.get(Math.floorMod(p.customerAccount().hashCode(), workers)).add(p.id()));
    lanes.removeIf(List::isEmpty);
    return lanes;
  }

  private void deliverQuietly(long id) {
    try {
      deliver(id, Instant.now());
    } catch (RuntimeException e) {
      log.warn("Payment notice {} could not be delivered: {}", id, e.toString());
    }
  }

  /** Delivers every notice due at {@code now} (failed ones once their pause is over); answers how many. */
  public int deliverDue(Instant now) {
    int delivered = 0;
    List<Pending> due;
    long after = 0;
    do {
      due = jdbc.query("select id, customer_account from case_payment_notices where delivered_at is null "
          + "and next_attempt_at <= ? and id > ? order by id fetch first 500 rows only",
          (rs, n) -> new Pending(rs.getLong(1), rs.getString(2)), Timestamp.from(now), after);
      if (due.isEmpty()) {
        break;
      }
      after = due.get(due.size() - 1).id();
      if (due.size() <= inlineLimit || pool == null) {
        for (Pending p : due) {
          delivered += deliver(p.id(), now).delivered() ? 1 : 0;
        }
      } else {
        AtomicInteger count = new AtomicInteger();
        List<Future<?>> lanes = new ArrayList<>();
        for (List<Long> ids : byWorker(due)) {
          lanes.add(pool.submit(() -> ids.forEach(id -> count.addAndGet(deliver(id, now).delivered() ? 1 : 0))));
        }
        for (Future<?> lane : lanes) {
          try {
            lane.get();
          } catch (Exception e) {
            log.warn("Payment notice worker failed: {}", e.toString());
          }
        }
        delivered += count.get();
      }
    } while (due.size() == 500);
    return delivered;
  }

  /** Notices not yet delivered (due now or waiting for their retry). */
  public int undelivered() {
    return jdbc.queryForObject("select count(*) from case_payment_notices where delivered_at is null", Integer.class);
  }

  /**
   * Delivers one notice in its own transaction, unless it was delivered already or another node is delivering
   * it right now. A failure rolls the delivery back and records the attempt, the error and the next try.
   */
  public Delivery deliver(long id, Instant now) {
    try {
      return ownTransaction.execute(status -> {
        List<Notice> claimed = jdbc.query("select id, customer_account, bank_reference, value_date, allocated_amount, "
            + "attempts from case_payment_notices where id = ? and delivered_at is null for update skip locked",
            (rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class),
                rs.getBigDecimal(5), rs.getInt(6)), id);
        if (claimed.isEmpty()) {
          return new Delivery(id, false, null, null);
        }
        Notice notice = claimed.get(0);
        // a sweep opening this customer's case, or joining invoices to it, right now: wait for its commit before
        // looking for the case, so the payment reaches the case the sweep opens (see CustomerCaseLock)
        caseLock.forNotice(notice.customerAccount());
        Optional<String> caseNumber = outstanding.openCaseOf(notice.customerAccount());
        // the case's process and the instalment plan it called (both carry the case number)
        List<org.camunda.bpm.engine.runtime.ProcessInstance> instances = caseNumber.isEmpty() ? List.of()
            : system.call(() -> instancesOf(caseNumber.get()));
        if (caseNumber.isPresent() && !system.call(() -> instances.stream().anyMatch(i -> listens(i.getId())))) {
          return notYetListening(notice, caseNumber.get(), now);
        }
        caseNumber.ifPresent(number -> system.run(() -> {
          BigDecimal left = outstanding.refresh(number);
          // the case first, then what it called (its instalment plan), each only while it still waits for the
          // message: the case's reaction may already have ended the plan, or the plan's the case
          List<org.camunda.bpm.engine.runtime.ProcessInstance> waiting = new ArrayList<>(instances);
          waiting.sort(java.util.Comparator.comparing(instance -> isCalled(instance.getId())));
          for (org.camunda.bpm.engine.runtime.ProcessInstance instance : waiting) {
            if (listens(instance.getId())) {
              runtime.createMessageCorrelation("PaymentReceived")
                  .processInstanceId(instance.getId())
                  .setVariable("outstandingAmount", left.doubleValue())
                  .setVariable("lastPaymentAmount", notice.allocatedAmount().doubleValue())
                  .setVariable("lastPaymentDate", notice.valueDate().toString())
                  .correlateAll();
            }
          }
        }));
        jdbc.update("update case_payment_notices set delivered_at = ?, attempts = attempts + 1, case_number = ? "
            + "where id = ?", Timestamp.from(Instant.now()), caseNumber.orElse(null), id);
        return new Delivery(id, true, caseNumber.orElse(null), null);
      });
    } catch (RuntimeException e) {
      String error = describe(e);
      ownTransaction.executeWithoutResult(status -> {
        Integer attempts = jdbc.queryForObject("select attempts from case_payment_notices where id = ?", Integer.class, id);
        Duration pause = pauseAfter(attempts + 1);
        jdbc.update("update case_payment_notices set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
            + "where id = ? and delivered_at is null", Timestamp.from(now.plus(pause)), error, id);
        (attempts + 1 >= 5 ? log.atError() : log.atWarn()).log("Payment notice {} for its case failed (attempt {}), "
            + "retried in {}: {}", id, attempts + 1, pause, error);
      });
      return new Delivery(id, false, null, error);
    }
  }

  /**
   * The process instances with the case's number as business key: the case and what it called. Camunda's native
   * query, because the process instance query's dynamic SQL (a hundred conditions, each evaluated by reflection on
   * the query object) cost more than the delivery's own work (issue 17: a fifth of a delivery's samples).
   */
  private List<org.camunda.bpm.engine.runtime.ProcessInstance> instancesOf(String caseNumber) {
    return runtime.createNativeProcessInstanceQuery()
        .sql("select RES.* from " + management.getTableName(ExecutionEntity.class) + " RES "
            + "where RES.BUSINESS_KEY_ = #{businessKey} and RES.ID_ = RES.PROC_INST_ID_")
        .parameter("businessKey", caseNumber).list();
  }

  /**
   * Whether the process instance waits for PaymentReceived now: one of its executions has the message's
   * subscription. A native count on the subscriptions by process instance (indexed, EngineQueryTuning): the event
   * subscription query by process instance had only the event name's index and read every case's subscription, the
   * execution query the same dynamic SQL cost as the process instance query (issue 17).
   */
  private boolean listens(String processInstanceId) {
    return runtime.createNativeExecutionQuery()
        .sql("select count(*) from " + management.getTableName(EventSubscriptionEntity.class) + " S "
            + "where S.PROC_INST_ID_ = #{processInstanceId} and S.EVENT_TYPE_ = 'message' and S.EVENT_NAME_ = 'PaymentReceived'")
        .parameter("processInstanceId", processInstanceId).count() > 0;
  }

  /**
   * The case is open but its process does not wait for payments yet: it was opened a moment ago and is still in
   * its first steps (assessment, grade, strategy), started from the invoices as the sweep read them. Correlating
   * now would reach nothing, and marking the notice delivered would lose the payment for the case; so it stays
   * undelivered, touches neither the case nor its process (no conflict with the step running), and is tried
   * again after a short pause that grows to a minute, until the case waits for payments or is closed.
   */
  private Delivery notYetListening(Notice notice, String caseNumber, Instant now) {
    int attempts = notice.attempts() + 1;
    Duration pause = startingPause(attempts);
    String reason = "case " + caseNumber + " is still starting (not yet waiting for payments)";
    jdbc.update("update case_payment_notices set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
        attempts, Timestamp.from(now.plus(pause)), reason, notice.id());
    (attempts >= 10 ? log.atWarn() : log.atDebug()).log("Payment notice {}: {} (attempt {}), tried again in {}",
        notice.id(), reason, attempts, pause);
    return new Delivery(notice.id(), false, null, reason);
  }

  static Duration startingPause(int attempts) {
    Duration pause = FIRST_PAUSE.multipliedBy(Math.max(1, attempts));
    return pause.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : pause;
  }

  private boolean isCalled(String processInstanceId) {
    return runtime.createProcessInstanceQuery().subProcessInstanceId(processInstanceId).count() > 0;
  }

  static Duration pauseAfter(int attempts) {
    Duration pause = FIRST_PAUSE;
    for (int i = 1; i < attempts && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
      pause = pause.multipliedBy(3);
    }
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 900; t = t.getCause() == t ? null : t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName()).append(": ").append(String.valueOf(t.getMessage()));
    }
    return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
  }

  // the workers and the poller live as long as the application context

  @Override
  public void start() {
    pool = Executors.newFixedThreadPool(workers, named("payment-notice-"));
    if (!pollInterval.isZero() && !pollInterval.isNegative()) {
      poller = Executors.newSingleThreadScheduledExecutor(named("payment-notice-poller-"));
      poller.scheduleWithFixedDelay(() -> {
        try {
          int delivered = deliverDue(Instant.now());
          if (delivered > 0) {
            log.info("Delivered {} payment notices that were still due", delivered);
          }
        } catch (RuntimeException e) {
          log.warn("Payment notice poller: {}", e.toString());
        }
      }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (poller != null) {
      poller.shutdownNow();
    }
    if (pool != null) {
      pool.shutdown();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pool.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, prefix + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
