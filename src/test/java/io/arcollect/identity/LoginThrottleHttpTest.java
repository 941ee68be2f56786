package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords over HTTP on every login path, from real client addresses (the test's sockets are bound to
 * different loopback addresses, so the server sees an attacker at 127.0.0.2 and the real user elsewhere).
 */
@ArcollectSpringBootTest
class LoginThrottleHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @AfterEach
  void removeTestUsers() {
    identityService.deleteUser("lola");
    identityService.deleteUser("dora");
  }

  @Test
  void twelveWrongPasswordsForLarryOverBasicAuthSlowTheAttackerButTheRightOneWorksWithinAMinute() throws Exception {
    String attacker = "127.0.0.2";
    String larrysDesk = "127.0.0.3";
    assertThat(send(larrysDesk, "GET", "/api/me", Map.of("Authorization", basic("larry", "larry")), null).status())
        .as("larry at his desk, before the attack").isEqualTo(200);

    twelveWrongPasswords(401, i ->
        send(attacker, "GET", "/api/me", Map.of("Authorization", basic("larry", "guess-" + i)), null));

    assertThat(send(larrysDesk, "GET", "/api/me", Map.of("Authorization", basic("larry", "larry")), null).status())
        .as("larry at his desk during the attack").isEqualTo(200);
    Duration waited = rightPasswordWorks(attacker, () ->
        send(attacker, "GET", "/api/me", Map.of("Authorization", basic("larry", "larry")), null));
    assertThat(waited).as("larry behind the attacker's address").isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void theTasklistLoginIsThrottledAndNotLockedOut() throws Exception {
    String address = "127.0.0.4";
    newUser("lola", "legal");
    twelveWrongPasswords(401, i -> tasklistLogin(address, "lola", "guess-" + i));

    Duration waited = rightPasswordWorks(address, () -> tasklistLogin(address, "lola", "the-real-one"));
    assertThat(waited).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void theDashboardLoginIsThrottledAndNotLockedOut() throws Exception {
    String address = "127.0.0.5";
    newUser("dora", "finance");
    twelveWrongPasswords(302, i -> {
      Response refused = dashboardLogin(address, "dora", "guess-" + i);
      if (refused.status() == 302) {
        assertThat(refused.header("Location")).endsWith("/login?error");
      }
      return refused;
    });

    Duration waited = rightPasswordWorks(address, () -> {
      Response login = dashboardLogin(address, "dora", "the-real-one");
      return login.status() == 302 && login.header("Location").endsWith("/dashboard/")
          ? new Response(200, login.headers(), login.body()) : login;
    });
    assertThat(waited).isLessThan(Duration.ofMinutes(1));
  }

  interface Attempt {
    Response run() throws Exception;
  }

  interface WrongPassword {
    Response run(int attempt) throws Exception;
  }

  /** Twelve wrong passwords in a row: five are refused as wrong ({@code refused}), then the throttle answers 429. */
  private static void twelveWrongPasswords(int refused, WrongPassword attempt) throws Exception {
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Response wrong = attempt.run(i);
      answers.add(wrong.status());
      if (wrong.status() == 429) {
        assertThat(wrong.header("Retry-After")).isNotNull();
        assertThat(wrong.body()).contains("Too many failed logins for this user or from this address: try again in");
      }
    }
    assertThat(answers.subList(0, 5)).as("five free tries").containsOnly(refused);
    assertThat(answers.subList(5, 12)).as("then the attacker waits").contains(429).isSubsetOf(refused, 429);
  }

  /** Tries the right password, waiting as Retry-After says, until it works; how long that took. */
  private Duration rightPasswordWorks(String address, Attempt attempt) throws Exception {
    Instant start = Instant.now();
    boolean refusedFirst = false;
    while (Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(70)) < 0) {
      Response answer = attempt.run();
      if (answer.status() == 200) {
        assertThat(refusedFirst).as("the right password was held back at first (from " + address + ")").isTrue();
        return Duration.between(start, Instant.now());
      }
      assertThat(answer.status()).as(answer.body()).isEqualTo(429);
      refusedFirst = true;
      Thread.sleep(Long.parseLong(answer.header("Retry-After")) * 1000);
    }
    throw new AssertionError("The right password still does not work after 70 seconds");
  }

  private Response tasklistLogin(String address, String user, String password) throws IOException {
    Response page = send(address, "GET", "/camunda/app/tasklist/default/", Map.of(), null);
    String token = page.header("X-XSRF-TOKEN");
    return send(address, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", Map.of(
        "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", token, "Cookie", cookies(page)),
        "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  private Response dashboardLogin(String address, String user, String password) throws IOException {
    Response page = send(address, "GET", "/login", Map.of(), null);
    Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).as(page.body()).isTrue();
    return send(address, "POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
        "Cookie", cookies(page)), "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
  }

  private void newUser(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword("the-real-one");
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }

  private static String cookies(Response response) {
    return String.join("; ", response.headers().getOrDefault("set-cookie", List.of()).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  record Response(int status, Map<String, List<String>> headers, String body) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /** One HTTP/1.0 exchange from a socket bound to the given loopback address. */
  private Response send(String from, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0)) {
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        answerHeaders.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      return new Response(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, text.substring(end + 4));
    }
  }
}
