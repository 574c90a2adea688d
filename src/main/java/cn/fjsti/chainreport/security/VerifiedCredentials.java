package cn.fjsti.chainreport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Spares a script that logs in with HTTP Basic on every request a full bcrypt check each time (≈ 90 ms of CPU
 * at cost 10), without weakening the password cost: a password that was verified against an account's hash is
 * remembered, for {@value #MINUTES} minutes, as an HMAC under a key that lives only in this process's memory,
 * together with the hash it matched. The entry counts only while the account still has that very hash: a
 * password change or reset (a new hash) or disabling the account (no account) makes it useless at once, on
 * every node, because each request re-reads the account. Wrong passwords are never remembered. At most
 * {@value #MAX_ENTRIES} entries.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final long MINUTES = 5;
    static final long MAX_ENTRIES = 10_000;

    private final byte[] key = new byte[32];
    private final Cache<String, String> verified = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES).expireAfterWrite(Duration.ofMinutes(MINUTES)).build();

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    /** Whether this password matches the hash: from memory when it was verified against this hash before. */
    public boolean matches(String username, String password, String hash) {
        String entry = fingerprint(username, password);
        String remembered = verified.getIfPresent(entry);
        if (remembered != null && MessageDigest.isEqual(remembered.getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        boolean ok = Passwords.matches(password, hash);
        if (ok) {
            verified.put(entry, hash);
        }
        return ok;
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
