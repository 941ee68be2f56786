package io.arcollect.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anybody out: every login path (Tasklist and Cockpit's login, HTTP
 * Basic on /engine-rest and /api, the dashboard's form) asks here before the password is checked and reports the
 * outcome after. Failures are counted over 15 minutes per user and address, per address and per user; once a count
 * passes its free tries the next try of that kind waits a doubling delay after the last failure (1 s, 2 s, 4 s ...,
 * at most 30 s), and a try within the delay is refused without looking at the password (HTTP 429 with Retry-After).
 * Nothing is ever locked for longer than 30 seconds after the last wrong password, so the real user gets in within
 * half a minute of an attacker's last try; from an address the user logged in from before (30 days) only the
 * failures of that user from that address count, not guesses for that user from elsewhere nor guesses for others
 * from the same address (an office behind one address). A successful login forgets the failures of that user from
 * that address.
 *
 * <p>The counts are in this node's memory (every node slows down the attacker on its own) and are lost on a restart.
 * Camunda's own lock-out (engine settings loginMaxAttempts, loginDelayBase) is switched off in application.yaml: it
 * locked the user for every address, which is what let anybody lock the legal department out.
 */
@Component
public class LoginThrottle {

  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);
  static final Duration KNOWN_ADDRESS_KEPT = Duration.ofDays(30);
  /** Failures allowed without delay for one user from one address, for one address, for one user. */
  static final int FREE_PER_USER_AND_ADDRESS = 5;
  static final int FREE_PER_ADDRESS = 20;
  static final int FREE_PER_USER = 10;
  private static final int MAX_KNOWN_ADDRESSES = 20;
  private static final int MAX_TRACKED_KEYS = 100_000;

  /** The answer before a login: go ahead, or wait this long. */
  public record Verdict(boolean allowed, Duration retryAfter) {

    static final Verdict GO = new Verdict(true, Duration.ZERO);

    /** Whole seconds for a Retry-After header, at least 1. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Instant>> knownAddresses = new ConcurrentHashMap<>();

  @Autowired
  public LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether a login of this user from this address may be tried now. */
  public Verdict check(String userId, String address) {
    Instant now = clock.instant();
    String user = normalized(userId);
    Duration wait = Duration.ZERO;
    wait = max(wait, waitFor("ua|" + user + "|" + address, FREE_PER_USER_AND_ADDRESS, now));
    if (!isKnown(user, address, now)) {
      // guesses for others from this address, or for this user from elsewhere, hold back only unknown pairs
      wait = max(wait, waitFor("a|" + address, FREE_PER_ADDRESS, now));
      wait = max(wait, waitFor("u|" + user, FREE_PER_USER, now));
    }
    return wait.isZero() ? Verdict.GO : new Verdict(false, wait);
  }

  /** A wrong user id or password. */
  public void failed(String userId, String address) {
    Instant now = clock.instant();
    String user = normalized(userId);
    if (failures.size() > MAX_TRACKED_KEYS) {
      failures.values().removeIf(f -> f.isEmptyAt(now));
    }
    for (String key : new String[] {"ua|" + user + "|" + address, "a|" + address, "u|" + user}) {
      failures.computeIfAbsent(key, k -> new Failures()).add(now);
    }
  }

  /** The right password: this user's failures from this address are forgotten, and the address is known for the user. */
  public void succeeded(String userId, String address) {
    Instant now = clock.instant();
    String user = normalized(userId);
    failures.remove("ua|" + user + "|" + address);
    Map<String, Instant> known = knownAddresses.computeIfAbsent(user, u -> new LinkedHashMap<>());
    synchronized (known) {
      known.remove(address);
      known.put(address, now);
      Iterator<String> oldest = known.keySet().iterator();
      while (known.size() > MAX_KNOWN_ADDRESSES && oldest.hasNext()) {
        oldest.next();
        oldest.remove();
      }
    }
  }

  private boolean isKnown(String user, String address, Instant now) {
    Map<String, Instant> known = knownAddresses.get(user);
    if (known == null) {
      return false;
    }
    synchronized (known) {
      Instant lastLogin = known.get(address);
      return lastLogin != null && lastLogin.plus(KNOWN_ADDRESS_KEPT).isAfter(now);
    }
  }

  private Duration waitFor(String key, int free, Instant now) {
    Failures counted = failures.get(key);
    return counted == null ? Duration.ZERO : counted.waitAt(now, free);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String normalized(String userId) {
    return userId == null ? "" : userId.trim().toLowerCase(Locale.ROOT);
  }

  /** The failures of one key within the window, oldest first. */
  private static final class Failures {

    private final Deque<Instant> times = new ArrayDeque<>();

    synchronized void add(Instant at) {
      forgetBefore(at.minus(WINDOW));
      times.addLast(at);
    }

    synchronized Duration waitAt(Instant now, int free) {
      forgetBefore(now.minus(WINDOW));
      int over = times.size() - free;
      if (over < 0) {
        return Duration.ZERO;
      }
      // the (free+1)th failure waits 1 s, each further one twice as long, never more than MAX_DELAY
      Duration delay = over >= 5 ? MAX_DELAY : Duration.ofSeconds(1L << over);
      delay = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
      Instant until = times.peekLast().plus(delay);
      return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    synchronized boolean isEmptyAt(Instant now) {
      forgetBefore(now.minus(WINDOW));
      return times.isEmpty();
    }

    private void forgetBefore(Instant start) {
      while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
        times.removeFirst();
      }
    }
  }
}
