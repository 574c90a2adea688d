package cn.fjsti.chainreport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Slows down password guessing without handing anyone a weapon against the real user: repeated wrong
 * passwords (by default 5 within 15 minutes: {@link LoginSettings}) pause logins for that <em>user name from that
 * client address</em> for the same time. The same account logs in normally from anywhere else, so guessing a public user name
 * (a region code, {@code admin}) from one machine locks out no one but that machine. An administrator can lift
 * every pause of an account at once ({@link #unlock}); each pause is written to the audit log by the caller.
 *
 * <p>Memory is bounded whatever an anonymous caller sends: user names longer than
 * {@value #MAX_USERNAME_LENGTH} characters are refused before any bookkeeping (no account can have one), and
 * the failures are kept in a Caffeine cache of at most {@value #MAX_ENTRIES} (user name, address) pairs, each
 * forgotten once the lock period has passed without a new failure. Kept per node: with several nodes a
 * client gets at most that many tries per node.
 */
@ApplicationScoped
public class LoginThrottle {

    /** The longest user name an account can have (see AccountResource.NewAccount). */
    public static final int MAX_USERNAME_LENGTH = 64;
    static final long MAX_ENTRIES = 20_000;

    @Inject
    LoginSettings settings;

    private int maxFailures;
    private Duration lock;

    @Inject
    Clock clock;

    /** Who tried: a user name as typed (trimmed, lower case) and the client's address. */
    record Attempt(String username, String address) {
    }

    private Cache<Attempt, Deque<Instant>> failures;

    @PostConstruct
    void init() {
        maxFailures = settings.maxFailures();
        lock = settings.lock();
        failures = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterAccess(lock).build();
    }

    /** Whether the name is one no account can have: refused before anything is remembered of it. */
    public static boolean impossible(String username) {
        return username == null || username.isBlank() || username.length() > MAX_USERNAME_LENGTH;
    }

    /** Whether logins for this name from this address are paused now. */
    public boolean locked(String username, String address) {
        Deque<Instant> recent = failures.getIfPresent(attempt(username, address));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= maxFailures;
        }
    }

    /**
     * Records a wrong password. Returns true when this failure starts a pause (the caller audits it), false
     * otherwise. Names that no account can have are not recorded.
     */
    public boolean failed(String username, String address) {
        if (impossible(username)) {
            return false;
        }
        Deque<Instant> recent = failures.get(attempt(username, address), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
            return recent.size() == maxFailures;
        }
    }

    public void succeeded(String username, String address) {
        failures.invalidate(attempt(username, address));
    }

    /** Lifts every pause of this user name, from every address. Returns how many addresses were paused. */
    public int unlock(String username) {
        String name = normalise(username);
        int[] lifted = {0};
        failures.asMap().entrySet().removeIf(e -> {
            if (!e.getKey().username().equals(name)) {
                return false;
            }
            synchronized (e.getValue()) {
                prune(e.getValue());
                if (e.getValue().size() >= maxFailures) {
                    lifted[0]++;
                }
            }
            return true;
        });
        return lifted[0];
    }

    /** How many (user name, address) pairs are remembered now (for tests and metrics). */
    public long tracked() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    /** How long a pause lasts (shown to the person, in minutes). */
    public Duration lockDuration() {
        return lock;
    }

    public int maxFailures() {
        return maxFailures;
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(lock);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static Attempt attempt(String username, String address) {
        return new Attempt(normalise(username), address == null ? "" : address);
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
