package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcollect.ArCollectApplication;
import io.arcollect.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outside the demo profile ArCollect has no user with a known password. The application is started the
 * way an operator starts it, as a process of its own (the engine registry is JVM-wide, so a second
 * engine inside the test JVM would disturb the suite's).
 */
class ProductionStartupTest {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

  @TempDir Path workDir;

  @Test
  void startUpFailsWithAClearMessageWithoutAConfiguredAdministrator() throws Exception {
    Process app = start("production-no-admin");
    assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("the application stops by itself").isTrue();

    assertThat(app.exitValue()).isNotZero();
    assertThat(log()).contains("APPLICATION FAILED TO START")
        .contains("No administrator is configured")
        .contains("set ARCOLLECT_ADMIN_USER and ARCOLLECT_ADMIN_PASSWORD");
  }

  @Test
  void onlyTheConfiguredAdministratorExistsAndNoDemoPasswordWorks() throws Exception {
    Process app = start("production", "--arcollect.admin.user=ops-admin", "--arcollect.admin.password=s3cret-from-vault");
    try {
      String base = "http://localhost:" + awaitPort(app);

      HttpResponse<String> users = get(base + "/engine-rest/user", "ops-admin", "s3cret-from-vault");
      assertThat(users.statusCode()).isEqualTo(200);
      List<String> userIds = new ArrayList<>();
      new ObjectMapper().readTree(users.body()).forEach(user -> userIds.add(user.get("id").asText()));
      assertThat(userIds).containsExactly("ops-admin");

      for (String demoUser : IdentitySetup.DEMO_USERS.keySet()) {
        assertThat(get(base + "/api/me", demoUser, demoUser).statusCode()).as(demoUser).isEqualTo(401);
      }
      JsonNode groups = new ObjectMapper().readTree(get(base + "/engine-rest/group", "ops-admin", "s3cret-from-vault").body());
      assertThat(groups.findValuesAsText("id")).contains("camunda-admin", "sales", "finance", "legal", "auditors", "process-owners");
    } finally {
      app.destroy();
      app.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private Process start(String purpose, String... adminArguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ArCollectApplication.class.getName(),
        "--spring.profiles.active=production",
        "--server.port=0",
        "--spring.datasource.url=" + TestDatabase.freshDatabaseUrl(purpose).replace(";DB_CLOSE_DELAY=-1", ""),
        "--spring.datasource.username=" + TestDatabase.user(),
        "--spring.datasource.password=" + TestDatabase.password(),
        "--camunda.bpm.job-execution.enabled=false"));
    command.addAll(List.of(adminArguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve("app.log").toFile());
    builder.environment().remove("ARCOLLECT_ADMIN_USER");
    builder.environment().remove("ARCOLLECT_ADMIN_PASSWORD");
    return builder.start();
  }

  private String log() throws Exception {
    return Files.readString(workDir.resolve("app.log"), StandardCharsets.UTF_8);
  }

  private int awaitPort(Process app) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      String log = log();
      Matcher port = PORT.matcher(log);
      if (port.find() && log.contains("Started ArCollectApplication")) {
        return Integer.parseInt(port.group(1));
      }
      assertThat(app.isAlive()).as("the application is still running:%n%s", log).isTrue();
      Thread.sleep(250);
    }
    throw new AssertionError("the application did not start within 120 s:\n" + log());
  }

  private static HttpResponse<String> get(String url, String user, String password) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
  }
}
