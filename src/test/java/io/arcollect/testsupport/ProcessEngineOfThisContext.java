package io.arcollect.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before every test method, makes the engine of the test's own application context the one Camunda finds by
 * name. Camunda's registry of engines is static, and every test context (the shared one, the outreach one with
 * its mail and HTTP servers, the browser demo on its own database) has an engine called "default": without
 * this, /engine-rest and the webapps would answer with the engine of whichever context started last, with
 * another context's identity, authorizations or database. Registered in META-INF/spring.factories.
 */
public class ProcessEngineOfThisContext implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
