package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Anonymous and HTTP Basic requests open no HTTP session on any path: neither a Set-Cookie JSESSIONID nor a session
 * in the server's memory (counted in Tomcat's session manager). A real login still gets its session.
 */
@ArcollectSpringBootTest
class NoAnonymousSessionsTest {

  /** GET paths an anonymous visitor or a script may call, across every part of the application. */
  static final List<String> PATHS = List.of(
      "/engine-rest/engine", "/engine-rest/task", "/api/me", "/api/customer-file", "/api/customer-file/session",
      "/actuator/health", "/actuator/metrics", "/", "/customer-file/", "/customer-file/customer-file.js",
      "/dashboard", "/dashboard/", "/dashboard/dashboard.js", "/login", "/login?error", "/logout", "/case-history",
      "/case-history/", "/error", "/no-such-page", "/camunda/", "/camunda/app/", "/camunda/app/tasklist/",
      "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
      "/camunda/app/welcome/default/", "/camunda/api/admin/auth/user/default", "/camunda/api/engine/engine/",
      "/camunda/app/tasklist/no-such-file.js", "/camunda/no-such-page");

  @LocalServerPort int port;
  @Autowired ServletWebServerApplicationContext context;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aThousandAnonymousRequestsOpenNoSession() throws Exception {
    long before = manager().getSessionCounter();
    List<String> cookies = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String path = PATHS.get(i % PATHS.size());
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
          HttpResponse.BodyHandlers.ofString());
      sessionCookies(path, response, cookies);
    }
    assertThat(cookies).as("Set-Cookie with a session id on anonymous requests").isEmpty();
    assertThat(manager().getSessionCounter() - before).as("sessions opened by 1,000 anonymous requests").isZero();
  }

  @Test
  void basicAuthRequestsAndRefusedLoginsOpenNoSession() throws Exception {
    long before = manager().getSessionCounter();
    List<String> cookies = new ArrayList<>();
    for (String path : PATHS) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
          .header("Authorization", basic("frank", "frank")).build(), HttpResponse.BodyHandlers.ofString());
      sessionCookies("Basic " + path, response, cookies);
    }
    // changes over Basic auth, a wrong dashboard login, a Tasklist login without a CSRF token
    sessionCookies("POST /api/customer-file/x/contacts", http.send(HttpRequest.newBuilder(uri("/api/customer-file/NOPE/contacts"))
        .header("Authorization", basic("sally", "sally")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()), cookies);
    sessionCookies("POST /login", http.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=frank&password=wrong")).build(),
        HttpResponse.BodyHandlers.ofString()), cookies);
    sessionCookies("POST tasklist login", http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=frank&password=wrong")).build(),
        HttpResponse.BodyHandlers.ofString()), cookies);
    assertThat(cookies).as("Set-Cookie with a session id on Basic-auth requests").isEmpty();
    assertThat(manager().getSessionCounter() - before).as("sessions opened by Basic-auth requests").isZero();
  }

  @Test
  void aRealLoginStillGetsItsSession() throws Exception {
    long before = manager().getSessionCounter();
    // Tasklist: the page before the login gives the CSRF token in cookies, the login opens the session
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
        .POST(HttpRequest.BodyPublishers.ofString("username=sally&password=sally")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(me.body()).as("logged in on the session").contains("\"userId\":\"sally\"");
    assertThat(manager().getSessionCounter() - before).as("one session for the one login").isEqualTo(1);
  }

  private static void sessionCookies(String what, HttpResponse<String> response, List<String> found) {
    response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID"))
        .forEach(cookie -> found.add(what + " (" + response.statusCode() + "): " + cookie));
  }

  private Manager manager() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
    return webapp.getManager();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
