package io.arcollect.identity;

import io.arcollect.system.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist, Cockpit and Admin's login (POST /camunda/api/admin/auth/user/{engine}/login/{app}, form fields
 * username and password) through the {@link LoginThrottle}: a try within the delay is answered 429 with
 * Retry-After before Camunda checks the password; Camunda's answer (200 logged in, 401 refused) is reported back.
 */
class CamundaLoginThrottleFilter extends OncePerRequestFilter {

  /** A login form is a few hundred bytes; anything longer is not read for the user name. */
  private static final int MAX_FORM = 16 * 1024;

  private final LoginThrottle throttle;
  private final Pattern loginPath;

  CamundaLoginThrottleFilter(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.loginPath = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !loginPath.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] form = request.getInputStream().readNBytes(MAX_FORM + 1);
    if (form.length > MAX_FORM) {
      SecurityRefusals.write(request, response, Problem.of(HttpStatus.PAYLOAD_TOO_LARGE,
          "A login form has a user name and a password, not " + MAX_FORM + " bytes and more."));
      return;
    }
    String user = formField(new String(form, StandardCharsets.ISO_8859_1), "username");
    String address = request.getRemoteAddr();
    LoginThrottle.Verdict verdict = throttle.check(user, address);
    if (!verdict.allowed()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
      SecurityRefusals.write(request, response, Problem.of(HttpStatus.TOO_MANY_REQUESTS,
          LoginThrottledException.message(verdict.retryAfterSeconds())));
      return;
    }
    chain.doFilter(new ReadAgain(request, form), response);
    if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(user, address);
    } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, address);
    }
  }

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && name.equals(pair.substring(0, equals))) {
        try {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return pair.substring(equals + 1);
        }
      }
    }
    return "";
  }

  /** The request with its form read once here and again by Camunda. */
  private static final class ReadAgain extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The login form is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
