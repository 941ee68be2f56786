package io.arcollect.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic against Camunda's identity for the engine REST API, our own API and Actuator (health stays
 * public). The dashboard (/dashboard) has a login form; the session it opens is also accepted by the API, so
 * the dashboard's page reads the same REST endpoints as scripts do. The Camunda webapps under /camunda keep
 * their own session login and CSRF protection, so no chain here matches them.
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
            .requestMatchers(path("/actuator/**")).hasAuthority(group(Groups.CAMUNDA_ADMIN))
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(REFUSALS))
        .exceptionHandling(refusals -> refusals.authenticationEntryPoint(REFUSALS).accessDeniedHandler(REFUSALS))
        // this provider only, without Spring's global one as a fallback: each try is checked (and counted) once
        .authenticationManager(new ProviderManager(provider))
        .addFilterAfter(new CamundaAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        // Basic logins open no session; a dashboard login's session is used when the request brings it
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        // a refused call is not kept for after a login (keeping it would open a session per anonymous call)
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        // only a request riding on a session cookie can be forged from another site: those need a CSRF token to
        // change anything; Basic-authenticated calls (the header is never sent cross-site) do not. The token lives
        // in the dashboard login's session and is never the reason to open one.
        .csrf(csrf -> csrf.csrfTokenRepository(new ExistingSessionCsrfTokenRepository())
            .requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null))
        .build();
  }

  /** The dashboard, for the people the KPIs are for (the same groups as reporting.KpiController). */
  @Bean
  SecurityFilterChain dashboardSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/dashboard"), path("/dashboard/**"), path("/login"), path("/logout")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/login")).permitAll()
            .anyRequest().hasAnyAuthority(group(StaffGroup.FINANCE.id()), group(StaffGroup.AUDITORS.id()),
                group(StaffGroup.PROCESS_OWNERS.id()), group(Groups.CAMUNDA_ADMIN)))
        // Spring's own login and logout pages, with CSRF protection; until the login the token is in a cookie,
        // not in a session: the login page and a refused login open no session (the login itself does)
        .csrf(csrf -> csrf.csrfTokenRepository(loginCsrfCookie()))
        .formLogin(form -> form.defaultSuccessUrl("/dashboard/").failureHandler(new FormLoginRefusals()))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // this provider only, without Spring's global one as a fallback: each try is checked (and counted) once
        .authenticationManager(new ProviderManager(provider))
        .build();
  }

  /**
   * The case history page (/case-history) for everyone with a login: what it shows is narrowed per case by
   * casework.CaseVisibility (sales see their own customers' cases). Not logged in: the dashboard's login form,
   * which brings the user back here.
   */
  @Bean
  SecurityFilterChain caseHistorySecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/case-history"), path("/case-history/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(
            new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login")))
        // this provider only, without Spring's global one as a fallback: each try is checked (and counted) once
        .authenticationManager(new ProviderManager(provider))
        .build();
  }

  /**
   * Where a page asked for before the login (/dashboard, /case-history, /customer-file) is kept until the login
   * form brings the user back: in a cookie, so that an anonymous visitor opens no HTTP session. Every chain that
   * does not set its own uses this one.
   */
  @Bean
  RequestCache requestCache() {
    return new CookieRequestCache();
  }

  /** Not Spring's default name XSRF-TOKEN: the Camunda webapps' cookie has that name, on the same path. */
  private static CookieCsrfTokenRepository loginCsrfCookie() {
    CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
    cookie.setCookieName("ARCOLLECT-LOGIN-CSRF");
    return cookie;
  }

  private static final SecurityRefusals REFUSALS = new SecurityRefusals();

  private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private static String group(String groupId) {
    return CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + groupId;
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
