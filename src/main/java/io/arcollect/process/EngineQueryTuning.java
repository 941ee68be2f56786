package io.arcollect.process;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issue 17: statistics and indexes on Camunda's tables for the queries this application makes them answer at tens of
 * thousands of cases, on PostgreSQL. Created once after the engine's schema exists; each statement on its own, and a
 * database user that may not create them only loses the speed (a warning naming what stays slow).
 *
 * <p>The Tasklist filters: every task query of a user joins Camunda's authorizations with
 * {@code PERMS_ & 2 = 2} (READ) or {@code PERMS_ & 64 = 64} (READ_TASK). PostgreSQL has no statistics for such
 * expressions and guesses that a few dozen of the per-task authorization rows match when tens of thousands do; it
 * then compares every task with every authorization (at 7,000 tasks of a department 50 million comparisons, 7 s;
 * at 70,000 the count did not finish in minutes) instead of looking each task's authorization up by its resource id.
 * Statistics on the two expressions (kept up to date by PostgreSQL's own analyze) give it the true figures; and the
 * most common combinations of grant type, group, user, resource type and the two permissions tell it that of
 * finance's per-task rows none grants READ (identity.DepartmentTaskGrants), so it reads finance's few matching
 * authorizations once instead of looking them up for each of 70,000 tasks (PostgreSQL 14 and later).
 *
 * <p>And an index in the order of the department filters ({@code order by PRIORITY_ desc, DUE_DATE_}): Camunda
 * asks for the first page with {@code select distinct} over the whole task row, so without it PostgreSQL joined and
 * sorted all 75,000 tasks of finance (on disk) for 15 of them; with it, it reads the tasks in that order and stops
 * after the first 15 that frank may see (400 ms to 65 ms under load, sally's 18 ms).
 *
 * <p>Payment notices: a message correlated to one process instance ({@code PaymentReceived}, CasePaymentNotices)
 * looks its event subscription up by type, name and process instance, and Camunda indexes only the name: every
 * notice of a statement read every case's PaymentReceived subscription. An index on the process instance makes it
 * a lookup of the case's own few.
 */
@Component
class EngineQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineQueryTuning.class);

  /** A statement and what stays slow without it. */
  record Tuning(String sql, String withoutIt) {}

  private static final String FILTERS = "Tasklist filters stay slow with many tasks";

  static final List<Tuning> STATEMENTS = List.of(
      new Tuning("create statistics if not exists arcollect_auth_read on ((PERMS_ & 2)) from %sACT_RU_AUTHORIZATION", FILTERS),
      new Tuning("create statistics if not exists arcollect_auth_read_task on ((PERMS_ & 64)) from %sACT_RU_AUTHORIZATION",
          FILTERS),
      new Tuning("create statistics if not exists arcollect_auth_grants (mcv) on TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, "
          + "(PERMS_ & 2), (PERMS_ & 64) from %sACT_RU_AUTHORIZATION", FILTERS),
      new Tuning("create index if not exists arcollect_idx_task_priority_due on %sACT_RU_TASK (PRIORITY_ desc, DUE_DATE_)",
          FILTERS),
      new Tuning("create index if not exists arcollect_idx_event_subscr_proc_inst on %sACT_RU_EVENT_SUBSCR (PROC_INST_ID_)",
          "each payment notice reads every case's event subscriptions"));

  /** Gives the statistics their figures; only when they have none yet, since PostgreSQL's autovacuum keeps them. */
  static final Tuning ANALYZE = new Tuning("analyze %sACT_RU_AUTHORIZATION", FILTERS);

  /** The statistics objects above; each has a row in pg_stats_ext once an analyze of a table with rows computed it. */
  static final List<String> STATISTICS = List.of("arcollect_auth_read", "arcollect_auth_read_task", "arcollect_auth_grants");

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (configuration == null || !"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    DataSource dataSource = configuration.getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      tune(connection, prefix);
    } catch (Exception e) {
      log.warn("No statistics or indexes for Camunda's queries ({}): Tasklist filters and payment notices stay slow "
          + "with many cases", e.getMessage());
    }
  }

  /**
   * Creates what is missing; analyzes Camunda's authorizations only when the statistics have no figures yet (created
   * just now, or the table was empty), not at every start: at 100,000 tasks that analyze took 0.3 to 0.7 s of each
   * start, and PostgreSQL's autovacuum keeps the figures up to date from then on. Returns the statements it ran.
   */
  static List<String> tune(Connection connection, String prefix) throws java.sql.SQLException {
    List<String> ran = new java.util.ArrayList<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      for (Tuning tuning : STATEMENTS) {
        execute(statement, tuning, prefix, ran);
      }
      if (!haveFigures(connection)) {
        execute(statement, ANALYZE, prefix, ran);
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return ran;
  }

  private static void execute(Statement statement, Tuning tuning, String prefix, List<String> ran) {
    String sql = tuning.sql().formatted(prefix);
    try {
      statement.execute(sql);
      ran.add(sql);
    } catch (java.sql.SQLException e) {
      log.warn("Query tuning: '{}' failed ({}): {}", tuning.sql(), e.getMessage(), tuning.withoutIt());
    }
  }

  private static boolean haveFigures(Connection connection) {
    try (var query = connection.prepareStatement("select count(distinct statistics_name) from pg_stats_ext "
        + "where statistics_schemaname = current_schema() and statistics_name = any (?)")) {
      query.setArray(1, connection.createArrayOf("text", STATISTICS.toArray()));
      try (var result = query.executeQuery()) {
        return result.next() && result.getInt(1) == STATISTICS.size();
      }
    } catch (java.sql.SQLException e) {
      return false;
    }
  }
}
