package io.arcollect.system;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Issue 17, start-up: Hibernate builds its metamodel on a thread of its own while the main thread builds the process
 * engine (the two are independent: Camunda has its own MyBatis mappings), instead of one after the other. The
 * repositories are deferred (spring.data.jpa.repositories.bootstrap-mode) and initialised when the context has been
 * refreshed, before the start-up runners; the first JPA transaction waits for Hibernate if it is not done yet.
 * Boot's own choice (JpaRepositoriesAutoConfiguration: the context's only AsyncTaskExecutor, else the one named
 * applicationTaskExecutor) could be a pool the engine's jobs use; a thread of its own keeps Hibernate off it.
 */
@Configuration
class JpaBootstrapInBackground {

  @Bean
  EntityManagerFactoryBuilderCustomizer jpaBootstrapExecutor() {
    return builder -> builder.setBootstrapExecutor(new SimpleAsyncTaskExecutor("jpa-bootstrap-"));
  }
}
