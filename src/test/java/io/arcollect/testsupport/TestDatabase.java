package io.arcollect.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Chooses the database of a test run. Maven runs the suite twice: on embedded H2 and, with
 * {@code -Darcollect.test.database=postgres}, on a fresh PostgreSQL database created for the run
 * (server from ARCOLLECT_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/, user
 * ARCOLLECT_TEST_PG_USER, default postgres, password ARCOLLECT_TEST_PG_PASSWORD). When that server
 * cannot be reached the PostgreSQL run is skipped with a message, unless
 * {@code arcollect.test.postgres.required=true} (CI), where it fails.
 *
 * <p>Registered for every test through JUnit's extension auto-detection (see
 * META-INF/services/org.junit.jupiter.api.extension.Extension).
 */
public class TestDatabase implements ExecutionCondition {

  private static final boolean POSTGRES = "postgres".equalsIgnoreCase(System.getProperty("arcollect.test.database"));
  private static final boolean REQUIRED = Boolean.parseBoolean(System.getProperty("arcollect.test.postgres.required"))
      || Boolean.parseBoolean(System.getenv("ARCOLLECT_TEST_POSTGRES_REQUIRED"));
  private static final String SERVER_URL = env("ARCOLLECT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = env("ARCOLLECT_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("ARCOLLECT_TEST_PG_PASSWORD", "");
  private static final String RUN_ID =
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_" + ProcessHandle.current().pid();
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String UNREACHABLE;

  static {
    String unreachable = null;
    if (POSTGRES) {
      try {
        String main = createPostgresDatabase("arcollect_test_" + RUN_ID);
        System.setProperty("spring.datasource.url", main);
        System.setProperty("spring.datasource.username", USER);
        System.setProperty("spring.datasource.password", PASSWORD);
      } catch (SQLException e) {
        if (REQUIRED) {
          throw new IllegalStateException("PostgreSQL is required for this test run but cannot be reached at "
              + SERVER_URL + " as " + USER + ": " + e.getMessage(), e);
        }
        unreachable = e.getMessage();
        System.err.println("[arcollect] PostgreSQL not reachable at " + SERVER_URL + " (" + e.getMessage()
            + "): the PostgreSQL test run is SKIPPED. Start PostgreSQL or set ARCOLLECT_TEST_PG_URL.");
      }
    } else {
      System.setProperty("spring.datasource.url", h2Url("main"));
    }
    UNREACHABLE = unreachable;
  }

  /** Whether this run uses PostgreSQL. */
  public static boolean postgres() {
    return POSTGRES;
  }

  /**
   * A database of its own for a test that must not share the suite's (an application context with other
   * settings), on the database of this run.
   */
  public static String freshDatabaseUrl(String purpose) {
    if (!POSTGRES) {
      return h2Url(purpose);
    }
    try {
      return createPostgresDatabase("arcollect_test_" + RUN_ID + "_" + COUNTER.incrementAndGet());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + SERVER_URL, e);
    }
  }

  public static String user() {
    return POSTGRES ? USER : "sa";
  }

  public static String password() {
    return POSTGRES ? PASSWORD : "";
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (UNREACHABLE != null) {
      return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + SERVER_URL + ": " + UNREACHABLE);
    }
    return ConditionEvaluationResult.enabled(POSTGRES ? "on PostgreSQL" : "on H2");
  }

  private static String h2Url(String purpose) {
    return "jdbc:h2:mem:arcollect_" + purpose + "_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
  }

  private static String createPostgresDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgresDatabase(name)));
    return SERVER_URL + name;
  }

  private static void dropPostgresDatabase(String name) {
    try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("[arcollect] could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
