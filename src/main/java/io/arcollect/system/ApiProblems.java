package io.arcollect.system;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The error answers of the project's API (/api, Spring MVC): application/problem+json in the shape of
 * {@link Problem}. Spring's own request errors (missing parameter, unreadable body, unknown path) keep Spring's
 * wording; a {@link UserError} answers with its message; anything else answers without details, which go to the
 * log. Every problem body, also one a capability's own advice made (ledger.LedgerProblems), gets the request's
 * path and correlation id. Runs after the capabilities' own advice, which know their errors better.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler implements ResponseBodyAdvice<Object> {

  /**
   * A refusal of method security (@PreAuthorize) is Spring Security's to answer (identity.SecurityRefusals):
   * rethrown, it reaches the security filter chain as a 401 or 403 instead of being taken for a failure.
   */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void refusedBySecurity(RuntimeException refusal) {
    throw refusal;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> anyOther(Exception error, HttpServletRequest request) {
    Problem problem = Problem.of(error);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
    return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** Spring's "Failed to read request" says nothing; the parser knows where the body went wrong. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException error,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Problem problem = Problem.of(error);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
        problem.status().is4xxClientError() ? problem.detail() : "The request body cannot be read.");
    return handleExceptionInternal(error, body, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException error, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (wantsPage(request)) {
      // a person's browser: the readable page (static/error/404.html) through the container's error dispatch
      try {
        ((org.springframework.web.context.request.ServletWebRequest) request).getResponse().sendError(status.value());
        return null;
      } catch (java.io.IOException | RuntimeException closed) {
        // fall back to the problem answer
      }
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "There is nothing at this address.");
    return handleExceptionInternal(error, body, headers, status, request);
  }

  /** A browser asking for a page (Accept: text/html), outside the APIs. */
  private static boolean wantsPage(WebRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    String path = request instanceof org.springframework.web.context.request.ServletWebRequest servlet
        ? servlet.getRequest().getRequestURI() : "";
    return accept != null && accept.contains("text/html") && !path.startsWith("/api/") && !path.startsWith("/engine-rest/")
        && request instanceof org.springframework.web.context.request.ServletWebRequest servlet2
        && servlet2.getResponse() != null;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem) {
      if (problem.getInstance() == null && request instanceof ServletServerHttpRequest servlet) {
        try {
          problem.setInstance(URI.create(servlet.getServletRequest().getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
          // a hostile path that is no URI: the answer goes without it
        }
      }
      if (problem.getProperties() == null || !problem.getProperties().containsKey("correlationId")) {
        problem.setProperty("correlationId", CorrelationId.current());
      }
    }
    return body;
  }
}
