package cn.fjsti.chainreport.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Locks a user name for a while after repeated wrong passwords (default: 5 within 15 minutes locks it for
 * 15 minutes), so passwords cannot be guessed. Kept in memory per node: with several nodes an attacker gets
 * at most that many tries per node.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigProperty(name = "chainreport.login.max-failures", defaultValue = "5")
    int maxFailures;

    @ConfigProperty(name = "chainreport.login.lock", defaultValue = "PT15M")
    Duration lock;

    @Inject
    Clock clock;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public boolean locked(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= maxFailures;
        }
    }

    public void failed(String username) {
        Deque<Instant> recent = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(lock);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }
}
