package io.arcollect.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Makes {@link StaffDirectory} the engine's identity provider and {@link DepartmentTaskGrants} its task
 * authorizations (Camunda Spring Boot picks up plugin beans).
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DepartmentTaskGrants());
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return StaffDirectory.class;
      }

      @Override
      public Session openSession() {
        return new StaffDirectory();
      }
    });
  }
}
