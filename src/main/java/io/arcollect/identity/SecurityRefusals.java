package io.arcollect.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.system.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** The security filters' refusals on the APIs, in the same problem shape as every other error answer. */
class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    if (refused instanceof LoginThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
      write(request, response, Problem.of(HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage()));
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ArCollect\"");
    write(request, response, Problem.of(HttpStatus.UNAUTHORIZED, request.getHeader(HttpHeaders.AUTHORIZATION) == null
        ? "Log in first: this needs a user and password (HTTP Basic)."
        : "Unknown user or wrong password."));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(request, response, Problem.of(HttpStatus.FORBIDDEN, denied instanceof CsrfException
        ? "A change made with a session cookie needs the session's CSRF token (header X-CSRF-TOKEN)."
        : "You may not do this."));
  }

  static void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(),
        problem.body(request.getRequestURI(), request.getRequestURI().startsWith("/engine-rest")));
  }
}
