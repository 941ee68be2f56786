package io.arcollect.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets a short random id, in the log lines it causes (MDC key {@code correlationId}, see
 * logging.pattern.correlation) and in the X-Correlation-Id response header; an error answer carries the same
 * id, so what a user reports can be found in the log. Random, not a sequence: it must not tell how busy we are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationId extends OncePerRequestFilter {

  public static final String HEADER = "X-Correlation-Id";
  static final String KEY = "correlationId";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The current request's id, or a fresh one outside a request (it then only appears in the log line). */
  public static String current() {
    String id = MDC.get(KEY);
    return id != null ? id : newId();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = newId();
    MDC.put(KEY, id);
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(KEY);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
