package io.arcollect.system;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Issue 17: the application's PostgreSQL sessions (the connection's {@code options}) run
 * <ul>
 *   <li>without PostgreSQL's JIT compilation ({@code jit=off}). Camunda's Tasklist queries are short, but at tens of
 *   thousands of tasks their estimated cost passes PostgreSQL's JIT threshold, and compiling them took longer than
 *   running them: the count of sally's "My department" at 36,000 tasks took 725 ms, 300 ms of it running;</li>
 *   <li>with a plan for each statement's own values ({@code plan_cache_mode=force_custom_plan}). The JDBC driver
 *   prepares a statement on the server from its fifth run on, and PostgreSQL may then plan it once without looking
 *   at the values: the same count, planned without knowing it is sales' queue, took 67 s from the sixth round on.
 *   Planning a filter's query takes about a millisecond.</li>
 * </ul>
 * Leaves a data source alone whose URL or properties already set {@code options} (ARCOLLECT_DB_URL may carry its
 * own).
 */
@Component
class PostgresSessions implements BeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(PostgresSessions.class);
  static final String OPTIONS = "-c jit=off -c plan_cache_mode=force_custom_plan";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && !hikari.getJdbcUrl().contains("options=")
        && !hikari.getDataSourceProperties().containsKey("options")) {
      hikari.addDataSourceProperty("options", OPTIONS);
      log.debug("PostgreSQL sessions of data source '{}' start with {}", beanName, OPTIONS);
    }
    return bean;
  }
}
