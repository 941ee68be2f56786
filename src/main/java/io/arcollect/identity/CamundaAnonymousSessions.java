package io.arcollect.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps (/camunda/...) open an HTTP session for every request, logged in or not: their authentication
 * filter keeps an empty login in it and their CSRF filter its token. For a visitor who has not logged in (no session
 * yet) this filter hands them a session of this request only, and opens a real one only when a login is put into
 * it (Camunda's login puts the user into the session it opens after the password check). The CSRF token the
 * webapps give before the login (cookie XSRF-TOKEN, header X-XSRF-TOKEN) is signed with a key of this node in a
 * second cookie, so the login's token check still has the token without a session ("signed double submit").
 * Requests with a session are passed on untouched: after a login the webapps work exactly as Camunda made them.
 */
class CamundaAnonymousSessions extends OncePerRequestFilter {

  static final String CSRF_TOKEN_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_COOKIE = "XSRF-TOKEN";
  static final String SIGNATURE_COOKIE = "ARCOLLECT-XSRF-SIGNATURE";

  private final byte[] key = new byte[32];

  CamundaAnonymousSessions() {
    new SecureRandom().nextBytes(key);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getSession(false) != null) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new WithoutSession(request, response), response);
  }

  String sign(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The webapps' CSRF token of this visitor, if the browser brings it with our signature. */
  String signedToken(HttpServletRequest request) {
    String token = cookie(request, CSRF_COOKIE);
    String signature = cookie(request, SIGNATURE_COOKIE);
    if (token == null || signature == null) {
      return null;
    }
    boolean genuine = MessageDigest.isEqual(sign(token).getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8));
    return genuine ? token : null;
  }

  private static String cookie(HttpServletRequest request, String name) {
    if (request.getCookies() == null) {
      return null;
    }
    for (Cookie cookie : request.getCookies()) {
      if (name.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /** A request of a visitor without a session: getSession gives a session of this request until a login. */
  private final class WithoutSession extends HttpServletRequestWrapper {

    private final HttpServletResponse response;
    private RequestSession tentative;
    private HttpSession real;

    WithoutSession(HttpServletRequest request, HttpServletResponse response) {
      super(request);
      this.response = response;
    }

    @Override
    public HttpSession getSession() {
      return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
      if (real != null) {
        return real;
      }
      if (tentative != null && !tentative.invalidated) {
        return tentative;
      }
      if (!create) {
        return null;
      }
      tentative = new RequestSession(this, getServletContext());
      String token = signedToken((HttpServletRequest) getRequest());
      if (token != null) {
        tentative.attributes.put(CSRF_TOKEN_ATTRIBUTE, token);
      }
      return tentative;
    }

    /** A login was put into the session: from now on it is a real one. */
    HttpSession open(Map<String, Object> attributes) {
      real = ((HttpServletRequest) getRequest()).getSession(true);
      attributes.forEach(real::setAttribute);
      return real;
    }

    void tokenGiven(String token) {
      response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(SIGNATURE_COOKIE, sign(token))
          .path("/").httpOnly(true).sameSite("Lax").secure(isSecure()).build().toString());
    }
  }

  /** The session a visitor without a login gets for one request; it opens a real one when a login is stored. */
  private static final class RequestSession implements HttpSession {

    private final WithoutSession request;
    private final ServletContext context;
    private final long created = System.currentTimeMillis();
    private final Map<String, Object> attributes = new HashMap<>();
    private boolean invalidated;
    private HttpSession opened;
    private int maxInactiveInterval = 1800;

    RequestSession(WithoutSession request, ServletContext context) {
      this.request = request;
      this.context = context;
    }

    @Override
    public void setAttribute(String name, Object value) {
      if (opened != null) {
        opened.setAttribute(name, value);
        return;
      }
      attributes.put(name, value);
      if (value instanceof Authentications logins && !logins.getAuthentications().isEmpty()) {
        opened = request.open(attributes);
      } else if (CSRF_TOKEN_ATTRIBUTE.equals(name) && value instanceof String token) {
        request.tokenGiven(token);
      }
    }

    @Override
    public Object getAttribute(String name) {
      return opened != null ? opened.getAttribute(name) : attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      return opened != null ? opened.getAttributeNames() : Collections.enumeration(attributes.keySet());
    }

    @Override
    public void removeAttribute(String name) {
      if (opened != null) {
        opened.removeAttribute(name);
      } else {
        attributes.remove(name);
      }
    }

    @Override
    public void invalidate() {
      if (opened != null) {
        opened.invalidate();
      }
      invalidated = true;
      attributes.clear();
    }

    @Override
    public long getCreationTime() {
      return created;
    }

    @Override
    public String getId() {
      return opened != null ? opened.getId() : "none-" + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public long getLastAccessedTime() {
      return created;
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
      maxInactiveInterval = interval;
    }

    @Override
    public int getMaxInactiveInterval() {
      return maxInactiveInterval;
    }

    @Override
    public boolean isNew() {
      return true;
    }
  }
}
