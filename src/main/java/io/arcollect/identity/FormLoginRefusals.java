package io.arcollect.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * A refused dashboard login: back to the form ("Invalid credentials") without opening a session for the message,
 * or, while the {@link LoginThrottle} holds this user or address back, a page saying how long to wait (HTTP 429).
 */
class FormLoginRefusals implements AuthenticationFailureHandler {

  private final SimpleUrlAuthenticationFailureHandler backToTheForm = new SimpleUrlAuthenticationFailureHandler("/login?error");

  FormLoginRefusals() {
    backToTheForm.setAllowSessionCreation(false);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException refused) throws IOException, jakarta.servlet.ServletException {
    if (!(refused instanceof LoginThrottledException throttled)) {
      backToTheForm.onAuthenticationFailure(request, response, refused);
      return;
    }
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
    response.setContentType("text/html;charset=UTF-8");
    String message = HtmlUtils.htmlEscape(throttled.getMessage());
    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Please wait"
        + "</title></head><body><h1>Please wait</h1><p>" + message + "</p><p><a href=\"/login\">Back to the login</a>"
        + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
  }
}
