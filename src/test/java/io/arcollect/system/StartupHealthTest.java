package io.arcollect.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.ArCollectApplication;
import io.arcollect.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * /actuator/health answers "up" only once the models are deployed and the start-up runners (demo data) are done, also
 * with Hibernate started on a thread of its own (JpaBootstrapInBackground).
 */
class StartupHealthTest {

  static final List<Status> DURING_START = new ArrayList<>();

  static class Probe {
    // runs after the demo data (order 100), as the last start-up runner
    @Bean
    @Order(Integer.MAX_VALUE)
    ApplicationRunner healthWhileStarting(HealthEndpoint health) {
      return args -> DURING_START.add(health.health().getStatus());
    }
  }

  @Test
  void healthIsOutOfServiceUntilStartUpIsCompleteThenUp() {
    String database = TestDatabase.freshDatabaseUrl("startup_health");
    try (ConfigurableApplicationContext node = new SpringApplicationBuilder(ArCollectApplication.class, Probe.class)
        .profiles("demo", "test")
        .run("--spring.datasource.url=" + database, "--spring.datasource.username=" + TestDatabase.user(),
            "--spring.datasource.password=" + TestDatabase.password(), "--server.port=0",
            "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration",
            "--camunda.bpm.process-engine-name=startup")) {
      assertThat(DURING_START).containsExactly(Status.OUT_OF_SERVICE);
      assertThat(node.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.UP);
      assertThat(node.getBean("&entityManagerFactory", LocalContainerEntityManagerFactoryBean.class).getBootstrapExecutor())
          .isNotNull();
    }
  }
}
