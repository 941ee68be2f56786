package io.arcollect.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arcollect.ArCollectApplication;
import io.arcollect.casework.AgingSweep;
import io.arcollect.ledger.BankStatementImport;
import io.arcollect.ledger.Camt053Builder;
import io.arcollect.ledger.StatementImportReport;
import io.arcollect.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17's throughput benchmark, on a PostgreSQL database of its own, everything measured in one run so the
 * ratios hold on a loaded machine: start-up (empty database, then a restart), a bare Camunda baseline on the
 * same engine, configuration, history level, job executor and database ("service task -> user task" with ten
 * variables) at 1 and 4 threads, the aging sweep over generated accounts until every case has its first human
 * task, a camt.053 with one line per case until every case has reacted, the "My department" filter (first page
 * and count, as a sales and a finance user with authorizations) at 100,000 open tasks, rows and WAL written per
 * case against the baseline, resident memory. It prints its figures and fails only on errors (incidents,
 * undelivered notices, cases that never got there).
 *
 * <p>Not part of the suite: {@code scripts/benchmark-throughput.sh} (accounts: -Darcollect.benchmark.accounts,
 * default 10,000).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "arcollect.benchmark", matches = "true")
class ThroughputBenchmark {

  private static final int ACCOUNTS = Integer.getInteger("arcollect.benchmark.accounts", 10_000);
  private static final int BASELINE = Integer.getInteger("arcollect.benchmark.baseline-instances", Math.max(500, ACCOUNTS / 5));
  private static final int OPEN_TASKS = Integer.getInteger("arcollect.benchmark.open-tasks", 100_000);
  private static final LocalDate TODAY = LocalDate.now();

  private final List<String> table = new ArrayList<>();
  private JdbcTemplate jdbc;

  @Test
  void throughput() throws Exception {
    assumeTrue(TestDatabase.postgres(), "the throughput benchmark runs on PostgreSQL");
    String url = TestDatabase.freshDatabaseUrl("throughput");
    row("machine", "%d cores, load average %s (shared)".formatted(Runtime.getRuntime().availableProcessors(), load()));

    long t0 = System.nanoTime();
    BufferingApplicationStartup firstSteps = new BufferingApplicationStartup(20_000);
    ConfigurableApplicationContext first = start(url, firstSteps);
    double firstStart = seconds(t0);
    first.close();
    t0 = System.nanoTime();
    BufferingApplicationStartup steps = new BufferingApplicationStartup(20_000);
    ConfigurableApplicationContext node = start(url, steps);
    double restart = seconds(t0);
    row("start-up to ready", "%.1f s on an empty database (schema, deployments), %.1f s restart".formatted(firstStart, restart));
    printSlowestSteps(steps);
    try {
      jdbc = node.getBean(JdbcTemplate.class);
      run(node);
    } finally {
      node.close();
      System.out.println();
      System.out.println("[throughput] | measure | figure |");
      System.out.println("[throughput] | --- | --- |");
      table.forEach(line -> System.out.println("[throughput] " + line));
    }
  }

  private void run(ConfigurableApplicationContext node) throws Exception {
    RuntimeService runtime = node.getBean(RuntimeService.class);
    RepositoryService repository = node.getBean(RepositoryService.class);
    repository.createDeployment().name("bare-engine-baseline").addModelInstance("baseline.bpmn", baselineModel()).deploy();

    // bare engine baseline: same engine, history, job executor and database
    Footprint b1 = Footprint.of(jdbc);
    double oneThread = baseline(runtime, 1, BASELINE);
    Footprint b1After = Footprint.of(jdbc);
    double fourThreads = baseline(runtime, 4, BASELINE);
    Footprint b4After = Footprint.of(jdbc);
    row("bare engine, 1 thread", "%d instances, %.1f instances/s".formatted(BASELINE, oneThread));
    row("bare engine, 4 threads", "%d instances, %.1f instances/s".formatted(BASELINE, fourThreads));
    Footprint.Diff baselinePer = b1After.since(b1).plus(b4After.since(b1After)).per(2 * BASELINE);

    // the accounts
    long t0 = System.nanoTime();
    load(ACCOUNTS);
    row("generated ledger", "%,d accounts with 3 paid and 2 overdue invoices in %.0f s".formatted(ACCOUNTS, seconds(t0)));

    // the sweep until every case has its first human task
    Footprint s0 = Footprint.of(jdbc);
    t0 = System.nanoTime();
    AgingSweep.Result swept = node.getBean(AgingSweep.class).run();
    double opened = seconds(t0);
    // a case stops at its first human task, or (a balance below the call minimum, worklist.dmn) at the reminders'
    // timer without one: done when no case has a job left to run now
    waitUntil("every case has reached its first task or timer", () -> dueJobs() == 0 || incidents() > 0, 7200);
    double sweep = seconds(t0);
    int withTask = casesWithTask();
    row("cases at their first human task / waiting on a timer without one", "%,d / %,d".formatted(withTask,
        swept.casesOpened() - withTask));
    assertThat(incidents()).as("incidents after the sweep").isZero();
    Footprint.Diff sweepPer = Footprint.of(jdbc).since(s0).per(swept.casesOpened());
    double casesPerSecond = swept.casesOpened() / sweep;
    row("sweep until every case has its first task or timer", "%,d cases in %.0f s (opened in %.0f s) = %.1f cases/s = %.2f x the 4-thread baseline, %.2f x 1 thread"
        .formatted(swept.casesOpened(), sweep, opened, casesPerSecond, casesPerSecond / fourThreads, casesPerSecond / oneThread));
    row("engine rows written per case (baseline)", "%.1f (%.1f)".formatted(sweepPer.engineRows(), baselinePer.engineRows()));
    row("all rows written per case (baseline)", "%.1f (%.1f)".formatted(sweepPer.rows(), baselinePer.rows()));
    row("transactions per case (baseline)", "%.1f (%.1f)".formatted(sweepPer.commits(), baselinePer.commits()));
    row("table reads per case (baseline)", "%.1f (%.1f)".formatted(sweepPer.reads(), baselinePer.reads()));
    row("WAL per case (baseline), whole server", "%.1f KB (%.1f KB)".formatted(sweepPer.walBytes() / 1024, baselinePer.walBytes() / 1024));
    printWhereTheTimeGoes(s0);

    // "My department" at OPEN_TASKS open tasks, with authorizations
    int cloned = fillTasksUpTo(OPEN_TASKS);
    row("open tasks for the filter", "%,d (%,d of them copies of case tasks with their candidate groups and authorizations)"
        .formatted(openTasks(), cloned));
    for (String user : List.of("sally", "frank")) {
      filter(node, user);
    }
    removeClones();

    // a statement with one line per case, until every case has reacted
    List<Map<String, Object>> owed = jdbc.queryForList("select c.account_number, i.invoice_number, i.open_amount "
        + "from invoices i join customers c on c.id = i.customer_id where c.account_number like 'TB%' and i.status = 'OPEN' "
        + "and i.invoice_number like '%-1' order by c.id");
    Camt053Builder statement = Camt053Builder.statement("STMT-THROUGHPUT");
    for (Map<String, Object> line : owed) {
      statement.credit("TB-REF-" + line.get("invoice_number"), ((java.math.BigDecimal) line.get("open_amount")).toPlainString(),
          "Customer " + line.get("account_number"), "DE02" + Math.abs(line.get("account_number").hashCode()),
          line.get("invoice_number").toString());
    }
    byte[] xml = statement.xml().getBytes(StandardCharsets.UTF_8);
    Footprint p0 = Footprint.of(jdbc);
    t0 = System.nanoTime();
    StatementImportReport report = node.getBean(BankStatementImport.class).importStatements(new ByteArrayInputStream(xml));
    double stored = seconds(t0);
    CasePaymentNotices notices = node.getBean(CasePaymentNotices.class);
    waitUntil("every case has reacted to its payment", () -> notices.undelivered() == 0 && dueJobs() == 0, 7200);
    double reacted = seconds(t0);
    Footprint.Diff paymentPer = Footprint.of(jdbc).since(p0).per(owed.size());
    assertThat(report.matched()).as("matched lines").isEqualTo(owed.size());
    assertThat(incidents()).as("incidents after the statement").isZero();
    row("statement (" + owed.size() + " lines, " + xml.length / 1024 + " KB)",
        "stored in %.1f s, every case reacted after %.1f s; %.1f rows, %.1f KB WAL per line"
            .formatted(stored, reacted, paymentPer.rows(), paymentPer.walBytes() / 1024));
    row("notices delivered at the first attempt", "%d of %d".formatted(
        jdbc.queryForObject("select count(*) from case_payment_notices where attempts = 1", Integer.class),
        jdbc.queryForObject("select count(*) from case_payment_notices", Integer.class)));

    System.gc();
    Runtime vm = Runtime.getRuntime();
    row("memory", "resident %s MB (the test JVM), heap used %d MB of %d MB".formatted(residentMegabytes(),
        (vm.totalMemory() - vm.freeMemory()) >> 20, vm.maxMemory() >> 20));
    row("load average at the end", load());
  }

  // --- start-up

  private static ConfigurableApplicationContext start(String url, BufferingApplicationStartup steps) {
    return new SpringApplicationBuilder(ArCollectApplication.class).profiles("demo").applicationStartup(steps)
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
            "--spring.datasource.password=" + TestDatabase.password(), "--server.port=0",
            "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration",
            "--camunda.bpm.process-engine-name=throughput", "--camunda.bpm.job-execution.enabled=true",
            "--arcollect.demo.data=false", "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN");
  }

  private void printSlowestSteps(BufferingApplicationStartup steps) {
    steps.getBufferedTimeline().getEvents().stream()
        .filter(event -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
        .sorted(Comparator.comparing(event -> event.getDuration(), Comparator.reverseOrder()))
        .limit(8)
        .forEach(event -> {
          String bean = "";
          for (var tag : event.getStartupStep().getTags()) {
            if (tag.getKey().equals("beanName")) {
              bean = tag.getValue();
            }
          }
          System.out.printf("[throughput] start-up: bean %s %d ms (with what it creates)%n", bean,
              event.getDuration().toMillis());
        });
  }

  // --- baseline

  private static BpmnModelInstance baselineModel() {
    var builder = Bpmn.createExecutableProcess("bare-engine-baseline").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("baselineService").camundaExpression("${execution.setVariable('checked', true)}")
        .userTask("baselineTask").camundaCandidateGroups("sales")
        .endEvent();
    return builder.done();
  }

  private static double baseline(RuntimeService runtime, int threads, int instances) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < instances; i = next.getAndIncrement()) {
          runtime.startProcessInstanceByKey("bare-engine-baseline", "BASE-" + threads + "-" + i, Map.of(
              "reference", "BASE-" + i, "customerAccount", "ACC" + i, "currency", "EUR", "outstandingAmount", 1000.0 + i,
              "creditGrade", "B", "strategy", "STANDARD_DUNNING", "owningDepartment", "sales", "followUpDays", 7,
              "customerName", "Customer " + i, "taskPriority", 50));
        }
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    return instances / seconds(t0);
  }

  // --- data

  private void load(int accounts) {
    int chunk = 1000;
    for (int from = 1; from <= accounts; from += chunk) {
      List<Object[]> customers = new ArrayList<>();
      for (int i = from; i < Math.min(accounts + 1, from + chunk); i++) {
        String tier = i % 20 == 0 ? "KEY" : i % 3 == 0 ? "SMALL" : "STANDARD";
        customers.add(new Object[] {account(i), "Customer " + account(i), tier, i % 4 == 0 ? "Construction" : "Retail",
            i % 5 == 0 ? "sally" : null});
      }
      jdbc.batchUpdate("insert into customers (account_number, name, tier, industry, currency, language, time_zone, email, "
          + "account_owner) values (?, ?, ?, ?, 'USD', 'en', 'Europe/Berlin', 'ap@example.com', ?)", customers);
    }
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
        + "status, paid_date, days_late) select c.account_number || '-P' || g, c.id, ?::date - 30 - 40 * g, ?::date - 40 * g, "
        + "500, 0, 'USD', 'PAID', ?::date - 40 * g + (c.id % 7)::int * (g % 2), (c.id % 7)::int * (g % 2) "
        + "from customers c cross join generate_series(1, 3) g where c.account_number like 'TB%'",
        Date.valueOf(TODAY), Date.valueOf(TODAY), Date.valueOf(TODAY));
    jdbc.update("insert into invoices (invoice_number, customer_id, issue_date, due_date, amount, open_amount, currency, "
        + "status) select c.account_number || '-' || g, c.id, ?::date - 30 - (c.id % 90)::int - 10 * g, "
        + "?::date - (c.id % 90)::int - 10 * g, 100 + (c.id % 50) * 97 + g, 100 + (c.id % 50) * 97 + g, 'USD', 'OPEN' "
        + "from customers c cross join generate_series(1, 2) g where c.account_number like 'TB%'",
        Date.valueOf(TODAY), Date.valueOf(TODAY));
    jdbc.execute("analyze");
  }

  private static String account(int i) {
    return "TB%06d".formatted(i);
  }

  // --- filter

  private int fillTasksUpTo(int wanted) {
    int open = openTasks();
    if (open >= wanted || open == 0) {
      return 0;
    }
    int copies = (wanted - open + open - 1) / open;
    jdbc.update("create temporary table bench_copies as select g from generate_series(1, ?) g", copies);
    copy("act_ru_task", "x.id_ not like 'copy%'", "id_");
    copy("act_ru_identitylink", "x.task_id_ is not null and x.id_ not like 'copy%'", "id_", "task_id_");
    copy("act_ru_authorization", "x.resource_type_ = 7 and x.id_ not like 'copy%' and exists (select 1 from ACT_RU_TASK t "
        + "where t.id_ = x.resource_id_)", "id_", "resource_id_");
    jdbc.execute("drop table bench_copies");
    jdbc.execute("analyze");
    return openTasks() - open;
  }

  /** Copies rows of a table once per bench_copies row, with the given id columns made unique. */
  private void copy(String table, String where, String... ids) {
    List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_name = ? "
        + "order by ordinal_position", String.class, table);
    List<String> ofIds = List.of(ids);
    String select = String.join(", ", columns.stream()
        .map(c -> ofIds.contains(c) ? "'copy' || g || '-' || x." + c : "x." + c).toList());
    jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
        + " x, bench_copies where " + where);
  }

  private void removeClones() {
    jdbc.update("delete from ACT_RU_AUTHORIZATION where id_ like 'copy%'");
    jdbc.update("delete from ACT_RU_IDENTITYLINK where id_ like 'copy%'");
    jdbc.update("delete from ACT_RU_TASK where id_ like 'copy%'");
  }

  private void filter(ConfigurableApplicationContext node, String user) {
    FilterService filters = node.getBean(FilterService.class);
    IdentityService identity = node.getBean(IdentityService.class);
    String filterId = filters.createFilterQuery().filterName("My department").singleResult().getId();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      List<Long> page = new ArrayList<>();
      List<Long> count = new ArrayList<>();
      long seen = 0;
      long budget = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      // 25 rounds, or fewer when they take more than two minutes (a slow query is a figure too)
      for (int i = 0; i < Integer.getInteger("arcollect.benchmark.filter-rounds", 25) && (i < 2 || System.nanoTime() < budget); i++) {
        long t0 = System.nanoTime();
        int shown = filters.listPage(filterId, 0, 15).size();
        page.add(System.nanoTime() - t0);
        t0 = System.nanoTime();
        seen = filters.count(filterId);
        count.add(System.nanoTime() - t0);
        assertThat(shown).isPositive();
      }
      row("\"My department\" as " + user + " (" + String.format("%,d", seen) + " tasks): first page / count",
          "%s / %s ms (min / median / p95)".formatted(stats(page), stats(count)));
      explain(user, () -> filters.listPage(filterId, 0, 15));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The first page's SQL as the engine sends it (MyBatis' statement log), and PostgreSQL's plan for it. */
  private void explain(String user, Runnable query) {
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
        .getLogger("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> statements =
        new ch.qos.logback.core.read.ListAppender<>();
    statements.start();
    ch.qos.logback.classic.Level level = log.getLevel();
    log.setLevel(ch.qos.logback.classic.Level.DEBUG);
    log.addAppender(statements);
    try {
      query.run();
    } finally {
      log.detachAppender(statements);
      log.setLevel(level);
    }
    String sql = null;
    for (var event : statements.list) {
      String line = event.getFormattedMessage();
      if (line.contains("Preparing:") && line.contains("ACT_RU_TASK")) {
        sql = line.substring(line.indexOf("Preparing:") + "Preparing:".length()).trim();
      } else if (sql != null && line.contains("Parameters:")) {
        String parameters = line.substring(line.indexOf("Parameters:") + "Parameters:".length()).trim();
        for (String parameter : parameters.isEmpty() ? new String[0] : parameters.split(", ")) {
          String value = parameter.replaceAll("\\((String|Integer|Long|Boolean|Timestamp|Date)\\)$", "");
          String literal = parameter.endsWith("(String)") ? "'" + value.replace("'", "''") + "'"
              : parameter.endsWith("(Timestamp)") || parameter.endsWith("(Date)") ? "'" + value + "'" : value;
          sql = sql.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(literal));
        }
        break;
      }
    }
    if (sql == null) {
      System.out.println("[throughput] filter plan as " + user + ": no statement logged");
      return;
    }
    System.out.println("[throughput] filter SQL as " + user + ": " + sql);
    jdbc.queryForList("explain (analyze, buffers) " + sql, String.class)
        .forEach(line -> System.out.println("[throughput] filter plan as " + user + ": " + line));
  }

  private static String stats(List<Long> nanos) {
    if (nanos.size() < 3) {
      return nanos.stream().map(n -> "%.1f".formatted(n / 1e6)).collect(java.util.stream.Collectors.joining(" and ")) + " (only "
          + nanos.size() + " rounds)";
    }
    List<Long> sorted = nanos.stream().sorted().toList();
    return "%.1f / %.1f / %.1f".formatted(sorted.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6);
  }

  // --- where the time goes

  private void printWhereTheTimeGoes(Footprint before) {
    jdbc.queryForList("select ACT_ID_, count(*) n, avg(DURATION_) ms from ACT_HI_ACTINST where PROC_DEF_KEY_ = 'collection-case' "
        + "and DURATION_ is not null group by ACT_ID_ order by avg(DURATION_) desc limit 8")
        .forEach(step -> System.out.printf("[throughput] sweep step %s: %s times, %.0f ms on average%n", step.get("act_id_"),
            step.get("n"), ((Number) step.get("ms")).doubleValue()));
    jdbc.queryForList("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables "
        + "order by n_tup_ins + n_tup_upd + n_tup_del desc limit 12")
        .forEach(t -> System.out.printf("[throughput] rows so far %s: %s inserted, %s updated, %s deleted%n", t.get("relname"),
            t.get("n_tup_ins"), t.get("n_tup_upd"), t.get("n_tup_del")));
    System.out.printf("[throughput] process variables per case: %.1f%n", jdbc.queryForObject("select count(*)::float / "
        + "greatest(1, count(distinct PROC_INST_ID_)) from ACT_RU_VARIABLE v where exists (select 1 from ACT_RU_EXECUTION e "
        + "join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ where e.ID_ = v.PROC_INST_ID_ and d.KEY_ = 'collection-case')",
        Double.class));
  }

  // --- helpers

  private int casesWithTask() {
    return jdbc.queryForObject("select count(distinct t.PROC_INST_ID_) from ACT_RU_TASK t join ACT_RE_PROCDEF d "
        + "on d.ID_ = t.PROC_DEF_ID_ where d.KEY_ = 'collection-case'", Integer.class);
  }

  private int openTasks() {
    return jdbc.queryForObject("select count(*) from ACT_RU_TASK", Integer.class);
  }

  private int incidents() {
    return jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class);
  }

  private int dueJobs() {
    return jdbc.queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 "
        + "and (DUEDATE_ is null or DUEDATE_ <= current_timestamp)", Integer.class);
  }

  private void waitUntil(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long report = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not reached within " + seconds + " s: " + what);
      }
      if (System.nanoTime() - report > TimeUnit.SECONDS.toNanos(30)) {
        report = System.nanoTime();
        System.out.printf("[throughput] waiting until %s: %d cases with a task, %d jobs due, load %s%n", what,
            casesWithTask(), dueJobs(), load());
      }
      Thread.sleep(250);
    }
  }

  private void row(String measure, String figure) {
    table.add("| " + measure + " | " + figure + " |");
    System.out.println("[throughput] " + measure + ": " + figure);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  private static String residentMegabytes() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS"))
          .map(line -> String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024)).findFirst().orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }

  /** Rows written in this database (all tables, Camunda's), transactions, and the server's WAL position. */
  record Footprint(long rows, long engineRows, long commits, long wal, long reads) {

    static Footprint of(JdbcTemplate jdbc) {
      try {
        // statistics reach the shared counters within a second of a backend going idle
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Map<String, Object> rows = jdbc.queryForMap("select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as all_rows, "
          + "coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) filter (where relname like 'act_%'), 0) as engine_rows, "
          + "coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) as table_reads "
          + "from pg_stat_user_tables");
      long commits = jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()", Long.class);
      long wal = jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", Long.class);
      return new Footprint(((Number) rows.get("all_rows")).longValue(), ((Number) rows.get("engine_rows")).longValue(),
          commits, wal, ((Number) rows.get("table_reads")).longValue());
    }

    Diff since(Footprint before) {
      return new Diff(rows - before.rows, engineRows - before.engineRows, commits - before.commits, wal - before.wal,
          reads - before.reads);
    }

    /** reads: table reads (a sequential or index scan of one table; a query joining three tables reads three). */
    record Diff(double rows, double engineRows, double commits, double walBytes, double reads) {
      Diff plus(Diff other) {
        return new Diff(rows + other.rows, engineRows + other.engineRows, commits + other.commits, walBytes + other.walBytes,
            reads + other.reads);
      }

      Diff per(int n) {
        return new Diff(rows / n, engineRows / n, commits / n, walBytes / n, reads / n);
      }
    }
  }
}
