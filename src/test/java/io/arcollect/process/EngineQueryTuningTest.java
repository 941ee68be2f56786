package io.arcollect.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import io.arcollect.testsupport.TestDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, on PostgreSQL: what keeps the Tasklist filters fast at tens of thousands of tasks is in place on the
 * application's own connections (the throughput benchmark measures what it buys): no JIT compilation
 * and a plan for each run's own values (system.PostgresSessions), the statistics on Camunda's authorizations and
 * the index in the filters' order, and the index of event subscriptions by process instance that payment notices
 * correlate through (EngineQueryTuning).
 */
@ArcollectSpringBootTest
class EngineQueryTuningTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void theApplicationsSessionsCompileNoQueriesAndTheAuthorizationsHaveTheirStatistics() {
    assumeTrue(TestDatabase.postgres(), "PostgreSQL settings");
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    assertThat(jdbc.queryForList("select stxname from pg_statistic_ext order by stxname", String.class))
        .contains("arcollect_auth_grants", "arcollect_auth_read", "arcollect_auth_read_task");
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'arcollect_idx_task_priority_due'",
        String.class)).containsIgnoringCase("(priority_ desc, due_date_)");
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'arcollect_idx_event_subscr_proc_inst'",
        String.class)).containsIgnoringCase("(proc_inst_id_)");
  }

  /** Issue 17, start-up: the analyze of Camunda's authorizations runs when the statistics lack figures, not every start. */
  @Test
  void analyzesTheAuthorizationsOnlyWhileTheirStatisticsHaveNoFigures() throws Exception {
    assumeTrue(TestDatabase.postgres(), "PostgreSQL statistics");
    // the groups' authorizations (identity.IdentitySetup) are in the table: an analyze gives every statistic figures
    jdbc.execute("analyze ACT_RU_AUTHORIZATION");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(EngineQueryTuning.tune(connection, "")).isNotEmpty().noneMatch(sql -> sql.startsWith("analyze"));
    }
    jdbc.execute("drop statistics arcollect_auth_read_task");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(EngineQueryTuning.tune(connection, "")).contains("analyze ACT_RU_AUTHORIZATION");
    }
    assertThat(jdbc.queryForObject("select count(*) from pg_stats_ext where statistics_name = 'arcollect_auth_read_task'",
        Integer.class)).isEqualTo(1);
  }
}
