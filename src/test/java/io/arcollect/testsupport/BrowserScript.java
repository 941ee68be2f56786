package io.arcollect.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a browser scenario from {@code e2e/} (Node.js + playwright-core driving Debian's headless Chromium)
 * against the application this test started. Screenshots land in {@code target/e2e/}, the script's output in
 * {@code target/e2e/<script>.log}.
 *
 * <p>Without Node.js, {@code npm ci} or Chromium the scenario is skipped with a message saying what to
 * install, unless ARCOLLECT_TEST_BROWSER_REQUIRED=true (CI), where it fails. Browser tests carry the JUnit tag
 * {@code browser} and run in the H2 pass only: they test pages, not databases.
 */
public final class BrowserScript {

  private static final Path E2E = Path.of("e2e");
  private static final Path OUT = Path.of("target", "e2e");
  private static final boolean REQUIRED = Boolean.parseBoolean(System.getenv("ARCOLLECT_TEST_BROWSER_REQUIRED"));
  private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  private BrowserScript() {}

  /** Runs {@code e2e/<script>} against http://localhost:port and fails the test if the scenario fails. */
  public static String run(String script, int port) {
    return run(script, port, java.util.Map.of());
  }

  /** The same, with what the scenario needs to know in its environment (customer names, dates). */
  public static String run(String script, int port, java.util.Map<String, String> environment) {
    requireTools();
    try {
      Files.createDirectories(OUT);
      Path log = OUT.resolve(script.replace(".mjs", "") + ".log");
      ProcessBuilder node = new ProcessBuilder("node", E2E.resolve(script).toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      node.environment().put("BASE_URL", "http://localhost:" + port);
      node.environment().put("E2E_OUT", OUT.toString());
      node.environment().put("CHROMIUM", CHROMIUM);
      node.environment().putAll(environment);
      Process process = node.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("Browser scenario " + script + " did not finish in 10 minutes; see " + log);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(output);
      assertThat(process.exitValue()).as("browser scenario %s failed:%n%s", script, output).isZero();
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("Could not run browser scenario " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireTools() {
    String missing = null;
    if (!Files.isDirectory(Path.of("node_modules", "playwright-core"))) {
      missing = "playwright-core is not installed: run `npm ci` in the project directory";
    } else if (!Files.isExecutable(Path.of(CHROMIUM))) {
      missing = "Chromium is not at " + CHROMIUM + ": install it (`apt-get install -y chromium`) or set CHROMIUM";
    } else if (!onPath("node")) {
      missing = "Node.js is not on the PATH";
    }
    if (missing != null) {
      if (REQUIRED) {
        fail("Browser tests are required (ARCOLLECT_TEST_BROWSER_REQUIRED=true) but " + missing);
      }
      System.err.println("[arcollect] browser test SKIPPED: " + missing);
      Assumptions.abort(missing);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
