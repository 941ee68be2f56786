package io.arcollect.system;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Issue 17: the application's PostgreSQL sessions run without PostgreSQL's JIT compilation ({@code -c jit=off} in
 * the connection's {@code options}). Camunda's Tasklist queries are short, but at tens of thousands of tasks their
 * estimated cost passes PostgreSQL's JIT threshold, and compiling them took longer than running them: the count of
 * sally's "My department" at 36,000 tasks took 725 ms, 300 ms of it running and the rest compiling. Leaves a data
 * source alone whose URL or properties already set {@code options} (ARCOLLECT_DB_URL may carry its own).
 */
@Component
class PostgresSessions implements BeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(PostgresSessions.class);
  static final String OPTIONS = "-c jit=off";

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
