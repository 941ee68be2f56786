package io.arcollect.system;

import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration
public class BusinessClockConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BusinessClockConfiguration.class);

  @Bean
  public BusinessClock businessClock(ArcollectProperties properties) {
    ZoneId zone = StringUtils.hasText(properties.timeZone()) ? ZoneId.of(properties.timeZone()) : ZoneId.systemDefault();
    BusinessClock clock = new BusinessClock(zone);
    if (StringUtils.hasText(properties.businessDate())) {
      LocalDate date;
      try {
        date = LocalDate.parse(properties.businessDate().trim());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalStateException(
            "ARCOLLECT_BUSINESS_DATE must be an ISO date such as 2013-06-30, but was '" + properties.businessDate() + "'", e);
      }
      clock.pinBusinessDate(date);
      log.info("Business date pinned to {} (time zone {})", date, zone);
    }
    return clock;
  }
}
