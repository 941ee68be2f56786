package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Logs in to the Tasklist webapp the way the browser does, and reads the filters it would show. */
@ArcollectSpringBootTest
class TasklistLoginTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @AfterEach
  void removeTestUser() {
    identityService.deleteUser("mallory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "sally", "frank", "fiona", "larry", "audrey", "paula"})
  void everyDemoUserLogsInToTasklistAndSeesTheTeamFilters(String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port + "/camunda";
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(login.body()).get("authorizedApps").toString()).contains("tasklist");

    assertThat(filterNames(browser, base, csrfToken)).contains("My tasks", "My department", "Due today", "Overdue");
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    // not a demo user: a failed login locks the account for a while (Camunda's login throttling)
    String user = "mallory";
    User mallory = identityService.newUser(user);
    mallory.setPassword("the-real-one");
    identityService.saveUser(mallory);
    identityService.createMembership(user, "sales");
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port + "/camunda";
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=not-" + user))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(401);
  }

  private List<String> filterNames(HttpClient browser, String base, String csrfToken) throws IOException, InterruptedException {
    HttpResponse<String> filters = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/api/engine/engine/default/filter?resourceType=Task"))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", csrfToken).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    for (JsonNode filter : new ObjectMapper().readTree(filters.body())) {
      names.add(filter.get("name").asText());
    }
    return names;
  }
}
