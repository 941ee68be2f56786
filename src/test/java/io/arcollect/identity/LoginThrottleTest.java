package io.arcollect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves: slow for the attacker, never a lock-out for the real user. */
class LoginThrottleTest {

  static final String ATTACKER = "203.0.113.7";
  static final String LARRYS_DESK = "10.1.2.3";

  final MovableClock clock = new MovableClock();
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void aWrongPasswordFiveTimesIsFreeThenEachTryWaitsTwiceAsLongUpToThirtySeconds() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.check("larry", ATTACKER).allowed()).isTrue();
      throttle.failed("larry", ATTACKER);
    }
    long[] delays = {1, 2, 4, 8, 16, 30, 30};
    for (long delay : delays) {
      LoginThrottle.Verdict verdict = throttle.check("larry", ATTACKER);
      assertThat(verdict.allowed()).isFalse();
      assertThat(verdict.retryAfterSeconds()).isEqualTo(delay);
      clock.pass(Duration.ofSeconds(delay));
      assertThat(throttle.check("larry", ATTACKER).allowed()).isTrue();
      throttle.failed("larry", ATTACKER);
    }
  }

  @Test
  void afterTwelveWrongPasswordsFromHisOwnAddressTheRightOneWorksWithinHalfAMinute() {
    twelveWrongPasswords("larry", LARRYS_DESK);

    assertThat(throttle.check("larry", LARRYS_DESK).allowed()).as("right after the twelfth").isFalse();
    clock.pass(Duration.ofSeconds(30));
    assertThat(throttle.check("larry", LARRYS_DESK).allowed()).as("30 s later").isTrue();
    throttle.succeeded("larry", LARRYS_DESK);
    assertThat(throttle.check("larry", LARRYS_DESK).allowed()).isTrue();
  }

  @Test
  void twelveWrongPasswordsFromAnAttackerDoNotKeepLarryOutAtHisUsualDesk() {
    throttle.succeeded("larry", LARRYS_DESK);
    twelveWrongPasswords("larry", ATTACKER);

    assertThat(throttle.check("larry", ATTACKER).allowed()).as("the attacker waits").isFalse();
    assertThat(throttle.check("larry", LARRYS_DESK).allowed()).as("larry at his desk does not").isTrue();
  }

  @Test
  void fromANewAddressLarryWaitsSecondsNotMinutesWhileTheAttackerGuesses() {
    twelveWrongPasswords("larry", ATTACKER);

    LoginThrottle.Verdict fromTheTrain = throttle.check("larry", "198.51.100.20");
    assertThat(fromTheTrain.retryAfterSeconds()).as("the delay per user after 12 failures").isLessThanOrEqualTo(4);
    clock.pass(fromTheTrain.retryAfter());
    assertThat(throttle.check("larry", "198.51.100.20").allowed()).isTrue();
  }

  @Test
  void oneAddressTryingManyUsersIsSlowedDownButNotAUserWhoLogsInFromThere() {
    throttle.succeeded("lena", ATTACKER);
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, ATTACKER);
    }
    assertThat(throttle.check("someone-else", ATTACKER).allowed()).isFalse();
    assertThat(throttle.check("someone-else", LARRYS_DESK).allowed()).isTrue();
    assertThat(throttle.check("lena", ATTACKER).allowed()).as("lena's usual address, behind the same NAT").isTrue();
  }

  @Test
  void failuresOlderThanFifteenMinutesAreForgotten() {
    for (int i = 0; i < 12; i++) {
      throttle.failed("lena", ATTACKER);
    }
    clock.pass(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(throttle.check("lena", ATTACKER).allowed()).isTrue();
  }

  /** Twelve wrong passwords, each as soon as the throttle lets it through. */
  private void twelveWrongPasswords(String user, String address) {
    int wrong = 0;
    while (wrong < 12) {
      LoginThrottle.Verdict verdict = throttle.check(user, address);
      if (verdict.allowed()) {
        throttle.failed(user, address);
        wrong++;
      } else {
        clock.pass(verdict.retryAfter());
      }
    }
  }

  static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-12-03T08:00:00Z");

    void pass(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
