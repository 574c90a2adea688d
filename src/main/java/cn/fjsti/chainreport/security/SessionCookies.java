package cn.fjsti.chainreport.security;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads when a login cookie was issued, so that logging out, a password change or reset and disabling an
 * account can end every session of that account on every node ({@code account.sessions_valid_from}): a
 * cookie issued before that moment is refused, even though it is still within its 8 hours.
 *
 * <p>The cookie is Quarkus's form-login cookie ({@code PersistentLoginManager}, Quarkus 3.20): AES-GCM with the
 * SHA-256 of {@link SessionKey}, holding {@code "<idle expiry, epoch ms>:<user name>"}; it is re-issued at
 * most once a minute ({@code new-cookie-interval}), always with an expiry of issue time + {@code timeout}.
 * So issue time = expiry − timeout. A cookie this class cannot read counts as issued at the epoch, and so as
 * ended (a test of the packaged jar keeps this in step with a Quarkus upgrade). Times here are the HTTP
 * layer's wall clock, not the business clock tests move.
 */
@ApplicationScoped
public class SessionCookies {

    @ConfigProperty(name = SessionKey.PROPERTY)
    Optional<String> key;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M")
    Duration timeout;

    /** When the request's login cookie was issued; {@link Instant#EPOCH} when it cannot be read, empty without one. */
    public Optional<Instant> issuedAt(RoutingContext context) {
        Cookie cookie = context == null ? null : context.request().getCookie(cookieName);
        if (cookie == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(cookie.getValue()));
            byte[] iv = new byte[bytes.get()];
            bytes.get(iv);
            byte[] encrypted = new byte[bytes.remaining()];
            bytes.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] secret = MessageDigest.getInstance("SHA-256").digest(key.orElseThrow().getBytes(StandardCharsets.UTF_8));
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, iv));
            String value = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            long expiry = Long.parseLong(value.substring(0, value.indexOf(':')));
            return Optional.of(Instant.ofEpochMilli(expiry).minus(timeout));
        } catch (Exception unreadable) {
            return Optional.of(Instant.EPOCH);
        }
    }

    public String cookieName() {
        return cookieName;
    }
}
