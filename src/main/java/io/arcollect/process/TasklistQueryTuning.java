package io.arcollect.process;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issue 17, the Tasklist filters on PostgreSQL: every task query of a user joins Camunda's authorizations with
 * {@code PERMS_ & 2 = 2} (READ) or {@code PERMS_ & 64 = 64} (READ_TASK). PostgreSQL has no statistics for such
 * expressions and guesses that a few dozen of the per-task authorization rows match when tens of thousands do; it
 * then compares every task with every authorization (at 7,000 tasks of a department 50 million comparisons, 7 s;
 * at 70,000 the count did not finish in minutes) instead of looking each task's authorization up by its resource id.
 * Statistics on the two expressions (kept up to date by PostgreSQL's own analyze) give it the true figures; and the
 * most common combinations of grant type, group, user, resource type and the two permissions tell it that of
 * finance's per-task rows none grants READ (identity.DepartmentTaskGrants), so it reads finance's few matching
 * authorizations once instead of looking them up for each of 70,000 tasks (PostgreSQL 14 and later). Created once
 * after the engine's schema exists; a database user that may not create them only loses the speed (a warning).
 *
 * <p>And an index in the order of the department filters ({@code order by PRIORITY_ desc, DUE_DATE_}): Camunda
 * asks for the first page with {@code select distinct} over the whole task row, so without it PostgreSQL joined and
 * sorted all 75,000 tasks of finance (on disk) for 15 of them; with it, it reads the tasks in that order and stops
 * after the first 15 that frank may see (400 ms to 65 ms under load, sally's 18 ms).
 */
@Component
class TasklistQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TasklistQueryTuning.class);

  static final String[] STATEMENTS = {
      "create statistics if not exists arcollect_auth_read on ((PERMS_ & 2)) from %sACT_RU_AUTHORIZATION",
      "create statistics if not exists arcollect_auth_read_task on ((PERMS_ & 64)) from %sACT_RU_AUTHORIZATION",
      "create statistics if not exists arcollect_auth_grants (mcv) on TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, "
          + "(PERMS_ & 2), (PERMS_ & 64) from %sACT_RU_AUTHORIZATION",
      "analyze %sACT_RU_AUTHORIZATION",
      "create index if not exists arcollect_idx_task_priority_due on %sACT_RU_TASK (PRIORITY_ desc, DUE_DATE_)"};

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
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        for (String sql : STATEMENTS) {
          try {
            statement.execute(sql.formatted(prefix));
          } catch (java.sql.SQLException e) {
            log.warn("Tasklist filter tuning: '{}' failed ({}): filters stay slow with many tasks", sql,
                e.getMessage());
          }
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (Exception e) {
      log.warn("No statistics or index for the Tasklist filters ({}): they stay slow with many tasks",
          e.getMessage());
    }
  }
}
