package io.arcollect.system;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's REST API with our error answers ({@link CamundaRestProblems}), in both places it is served:
 * /engine-rest (the REST starter takes a {@link CamundaJerseyResourceConfig} bean in place of its own) and the
 * webapps' engine API, which Tasklist and Cockpit call. The webapp starter registers a servlet named
 * "Engine Api" only when there is none yet, so ours, registered first, takes its place with the same resources.
 */
@Configuration
public class CamundaRestConfiguration {

  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  CamundaJerseyResourceConfig engineRest() {
    return new EngineRest();
  }

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
    ResourceConfig api = new ResourceConfig();
    api.register(NamedProcessEngineRestServiceImpl.class);
    api.registerClasses(CamundaRestProblems.configurationClasses());
    ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(new ServletContainer(api),
        camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(WEBAPP_ENGINE_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @ApplicationPath("/engine-rest")
  static class EngineRest extends CamundaJerseyResourceConfig {
    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      registerClasses(CamundaRestProblems.configurationClasses());
      register(JacksonFeature.withoutExceptionMappers());
    }
  }
}
