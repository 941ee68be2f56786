package io.arcollect.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The API's CSRF tokens, kept in the session of a dashboard login, never a reason to open one: a request without a
 * session (anonymous, HTTP Basic) needs no token, so its token is not stored. Spring's session repository alone
 * opens a session whenever a token is asked for (GET /api/customer-file/session over HTTP Basic did).
 */
class ExistingSessionCsrfTokenRepository implements CsrfTokenRepository {

  private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return sessions.generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) != null) {
      sessions.saveToken(token, request, response);
    }
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return sessions.loadToken(request);
  }
}
