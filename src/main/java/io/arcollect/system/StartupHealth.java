package io.arcollect.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Part of {@code /actuator/health}: out of service until start-up is complete, that is until the models are
 * deployed and every start-up runner (groups, authorizations, Tasklist filters, demo users, demo data and its
 * sweep) has finished, which Spring Boot signals with ApplicationReadyEvent. So a health check (docker compose,
 * a load balancer) sends no user to a node that has no cases or filters yet. Logs how long start-up took.
 */
@Component("startup")
class StartupHealth implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(StartupHealth.class);
  private static final List<String> MODELS = List.of("collection-case", "payment-plan");

  private final RepositoryService repository;
  private volatile Instant readyAt;

  StartupHealth(RepositoryService repository) {
    this.repository = repository;
  }

  @EventListener
  void on(ApplicationReadyEvent ready) {
    readyAt = Instant.now();
    log.info("ArCollect ready {} after the JVM started ({} s of it in the application context and its start-up runners)",
        Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()),
        ready.getTimeTaken() == null ? "?" : "%.1f".formatted(ready.getTimeTaken().toMillis() / 1000.0));
  }

  @Override
  public Health health() {
    if (readyAt == null) {
      return Health.outOfService().withDetail("startup", "starting: models, groups, filters and demo data not yet in place")
          .build();
    }
    List<String> missing = MODELS.stream()
        .filter(key -> repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count() == 0)
        .toList();
    if (!missing.isEmpty()) {
      return Health.outOfService().withDetail("missingModels", missing).build();
    }
    return Health.up().withDetail("readySince", readyAt.toString()).build();
  }
}
