package io.arcollect.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Two filters in front of the Camunda webapps' own ones: failed logins are throttled (per user and per address,
 * {@link LoginThrottle}), and a visitor who has not logged in gets no HTTP session ({@link CamundaAnonymousSessions}).
 */
@Configuration
class CamundaWebappFilters {

  @Bean
  FilterRegistrationBean<CamundaLoginThrottleFilter> camundaLoginThrottle(LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<CamundaLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new CamundaLoginThrottleFilter(throttle, webappPath));
    registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CamundaAnonymousSessions> camundaAnonymousSessions(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<CamundaAnonymousSessions> registration =
        new FilterRegistrationBean<>(new CamundaAnonymousSessions());
    registration.addUrlPatterns(webappPath + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    return registration;
  }
}
