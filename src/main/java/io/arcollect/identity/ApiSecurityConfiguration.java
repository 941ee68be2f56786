package io.arcollect.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic against Camunda's identity for the engine REST API, our own API and Actuator (health stays
 * public). The Camunda webapps under /camunda keep their own session login and CSRF protection, so no
 * chain here matches them.
 */
@Configuration
@EnableMethodSecurity
public class ApiSecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService) throws Exception {
    return http
        // path patterns, not MVC patterns: /engine-rest is served by Jersey, not by Spring MVC
        .securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**"), path("/actuator/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            .requestMatchers(path("/actuator/**")).hasAuthority(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .authenticationProvider(provider)
        .addFilterAfter(new CamundaAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless Basic auth: no cookies, so no cross-site request forgery to defend against
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
