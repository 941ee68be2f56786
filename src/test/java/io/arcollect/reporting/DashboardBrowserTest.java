package io.arcollect.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcollect.casework.CaseWorld;
import io.arcollect.testsupport.ArcollectSpringBootTest;
import io.arcollect.testsupport.BrowserScript;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A finance manager opens the dashboard in a real browser and sees the charts drawn with data. */
@ArcollectSpringBootTest
@Tag("browser")
class DashboardBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  @Test
  void financeManagerSeesEveryChartDrawnWithData() {
    KpiLedger.ensure(jdbc);
    // an open case gives sales an open task
    new CaseWorld(context).openCase("STANDARD", null, "Software", 300, 300);

    String output = BrowserScript.run("dashboard.mjs", port);

    assertThat(output).contains("scenario passed");
    assertThat(Path.of("target", "e2e", "dashboard-frank.png")).satisfies(png -> assertThat(Files.size(png)).isGreaterThan(20_000));
  }
}
