package io.arcollect.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.ledger.OverdueItems;
import io.arcollect.ledger.PaymentReceipt;
import io.arcollect.ledger.ReceivedMoney;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The world collection-case scenarios play in, on the whole application: customers with a good payment history
 * and overdue invoices, their case opened, people completing tasks as Tasklist does (with their groups, so
 * Camunda's authorizations apply), money arriving through matching, timers passing on Camunda's clock.
 */
public class CaseWorld {

  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  public record Case(String account, long customerId, String number, ProcessInstance instance) {}

  /** Where the customers' accounts payable read their mail. */
  public static final String CUSTOMER_EMAIL = "ap@example.com";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final CaseOpening opening;
  private final OverdueItems overdue;
  private final PaymentReceipt payments;
  private final CollectionCaseRepository cases;

  public CaseWorld(ApplicationContext context) {
    runtime = context.getBean(RuntimeService.class);
    tasks = context.getBean(TaskService.class);
    management = context.getBean(ManagementService.class);
    identity = context.getBean(IdentityService.class);
    jdbc = context.getBean(JdbcTemplate.class);
    transaction = context.getBean(TransactionTemplate.class);
    opening = context.getBean(CaseOpening.class);
    overdue = context.getBean(OverdueItems.class);
    payments = context.getBean(PaymentReceipt.class);
    cases = context.getBean(CollectionCaseRepository.class);
  }

  /** A customer who paid well so far, with two invoices 20 and 10 days overdue, and its case opened. */
  public Case openCase(String tier, String owner, String industry, int first, int second) {
    String account = "CC%04d-%d".formatted(ACCOUNTS.incrementAndGet(), System.nanoTime() % 100000);
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email, account_owner) "
        + "values (?, ?, ?, ?, 'USD', 'en', 'Europe/Berlin', ?, ?)", account, "Customer " + account, tier, industry,
        CUSTOMER_EMAIL, owner);
    long customerId = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    goodPayerOwing(account, customerId, first, second);
    CollectionCase opened = OpenedCases.open(opening, overdue, transaction, customerId, today());
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(opened.getProcessInstanceId())
        .singleResult();
    Case c = new Case(account, customerId, opened.getCaseNumber(), instance);
    runJobs(c);
    return c;
  }

  /**
   * Like {@link #openCase}, for a customer of {@code owner} whose USD 1,000 owed is over its credit limit of USD 100:
   * credit grade D, so the case's first call is a finance task whoever owns the customer.
   */
  public Case openCaseOverCreditLimit(String owner) {
    String account = "CL%04d-%d".formatted(ACCOUNTS.incrementAndGet(), System.nanoTime() % 100000);
    jdbc.update("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email, "
        + "account_owner, credit_limit) values (?, ?, 'STANDARD', 'Software', 'USD', 'en', 'Europe/Berlin', ?, ?, 100)",
        account, "Customer " + account, CUSTOMER_EMAIL, owner);
    long customerId = jdbc.queryForObject("select id from customers where account_number = ?", Long.class, account);
    goodPayerOwing(account, customerId, 400, 600);
    CollectionCase opened = OpenedCases.open(opening, overdue, transaction, customerId, today());
    Case c = new Case(account, customerId, opened.getCaseNumber(),
        runtime.createProcessInstanceQuery().processInstanceId(opened.getProcessInstanceId()).singleResult());
    runJobs(c);
    return c;
  }

  /**
   * The ledger of a customer who paid six invoices on time and now owes two (USD {@code first} and {@code second},
   * 20 and 10 days overdue: {@code <account>-1} and {@code -2}).
   */
  public void goodPayerOwing(String account, long customerId, int first, int second) {
    for (int i = 1; i <= 6; i++) {
      LocalDate due = today().minusDays(40L * i + 30);
      jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
          + "status, paid_date, days_late) values (?, ?, ?, ?, 500, 0, 'USD', 'PAID', ?, 0)", account + "-P" + i, customerId,
          Date.valueOf(due.minusDays(30)), Date.valueOf(due), Date.valueOf(due));
    }
    invoice(account + "-1", customerId, first, today().minusDays(20));
    invoice(account + "-2", customerId, second, today().minusDays(10));
  }

  private void invoice(String number, long customerId, int amount, LocalDate due) {
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, status) "
        + "values (?, ?, ?, ?, ?, ?, 'USD', 'OPEN')", number, customerId, Date.valueOf(due.minusDays(30)), Date.valueOf(due),
        amount, amount);
  }

  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneId.systemDefault());
  }

  public void pay(Case c, String amount, String remittance) {
    payments.receive(new ReceivedMoney("BANK-" + System.nanoTime(), "STMT-" + c.account(), today(), today(),
        new BigDecimal(amount), "USD", "Customer " + c.account(), null, remittance));
    runJobs(c);
  }

  public Task task(Case c) {
    return tasks.createTaskQuery().processInstanceId(c.instance().getId()).singleResult();
  }

  /** The user completes the case's waiting task with these form values, then the case's async work runs. */
  public void complete(Case c, String user, Map<String, Object> variables) {
    Task task = task(c);
    assertThat(task).as("a task waits in case " + c.number()).isNotNull();
    login(user);
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
    runJobs(c);
  }

  /** As Tasklist does: the user with their groups, so Camunda's authorizations apply. */
  public void login(String user) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
  }

  public void logout() {
    identity.clearAuthentication();
  }

  /** Moves the clock past the case's (or its plan's) next timer and fires it. */
  public void passTimer(Case c, String activityId) {
    Job timer = management.createJobQuery().activityId(activityId).timers().list().stream()
        .filter(job -> job.getProcessInstanceId().equals(c.instance().getId())).findFirst()
        .orElseThrow(() -> new AssertionError("No timer " + activityId + " in case " + c.number()));
    ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    runJobs(c);
  }

  /** Runs the async continuations of the case and of its instalment plan. */
  public void runJobs(Case c) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(c.instance().getId()).executable().list();
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.number()).list().stream()
          .filter(pi -> !pi.getId().equals(c.instance().getId()))
          .forEach(pi -> due.addAll(management.createJobQuery().processInstanceId(pi.getId()).executable().list()));
      List<Job> async = due.stream()
          .filter(job -> !"timer-intermediate-transition".equals(((JobEntity) job).getJobHandlerType())).toList();
      if (async.isEmpty()) {
        return;
      }
      async.forEach(job -> management.executeJob(job.getId()));
    }
  }

  public boolean isWaitingAt(Case c, String activityId) {
    return runtime.getActiveActivityIds(c.instance().getId()).contains(activityId);
  }

  public CollectionCase record(Case c) {
    return cases.findByCaseNumber(c.number()).orElseThrow();
  }
}
