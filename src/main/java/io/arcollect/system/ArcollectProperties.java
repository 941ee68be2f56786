package io.arcollect.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings that operators give through environment variables (see README, "Configuration").
 *
 * @param businessDate pins "today" for demos and simulations (ISO date), empty for the real date
 * @param timeZone the company's time zone for business dates, empty for the system's
 * @param admin the administrator created at start-up outside the demo profile
 * @param demo what the demo profile loads
 */
@ConfigurationProperties(prefix = "arcollect")
public record ArcollectProperties(String businessDate, String timeZone, Admin admin, Demo demo) {

  public record Admin(String user, String password) {}

  public record Demo(boolean data) {}
}
