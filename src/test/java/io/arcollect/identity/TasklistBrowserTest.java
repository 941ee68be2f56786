package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.testsupport.ArcollectSpringBootTest;
import io.arcollect.testsupport.BrowserScript;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person's first minute: the Tasklist login page in a real browser, and the team filters behind it. */
@ArcollectSpringBootTest
@Tag("browser")
class TasklistBrowserTest {

  @LocalServerPort int port;

  @Test
  void salesUserLogsInToTasklistInABrowserAndSeesTheTeamFilters() {
    String output = BrowserScript.run("tasklist-login.mjs", port);

    assertThat(output).contains("scenario passed");
    assertThat(Path.of("target", "e2e", "tasklist-login-sally.png")).satisfies(png -> assertThat(Files.size(png)).isPositive());
  }
}
