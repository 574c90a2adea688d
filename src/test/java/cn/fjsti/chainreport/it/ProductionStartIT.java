package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The jar started as in production: no demo accounts, only the bootstrapped administrator, never a known key. */
class ProductionStartIT {

    /** The key application.properties once carried for every install without SESSION_ENCRYPTION_KEY. */
    private static final String OLD_DEFAULT_KEY = "change-me-in-production-0123456789";

    private static String url() {
        return System.getenv().getOrDefault("PRODUCTION_IT_JDBC_URL",
                "jdbc:h2:file:./target/h2/production-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    @Test
    void shouldStartWithoutDemoAccountsAndWithTheBootstrappedAdministrator() throws Exception {
        try (PackagedJar app = PackagedJar.startAsIs("production-it", url(), "-Dchainreport.bootstrap.admin-password=Fujian#Keji2031x")) {
            given().port(app.port()).auth().preemptive().basic("350205", "demo2026").get("/api/session").then().statusCode(401);
            given().port(app.port()).auth().preemptive().basic("admin", "demo2026").get("/api/session").then().statusCode(401);
            given().port(app.port()).auth().preemptive().basic("admin", "Fujian#Keji2031x").get("/api/session").then().statusCode(200);

            // A cookie made with the key that was once committed is nobody's.
            given().port(app.port()).cookie("quarkus-credential", forge(OLD_DEFAULT_KEY, "admin")).get("/api/session").then().statusCode(401);
            // The key the service made for itself: in the data directory, readable by its user only, and it works.
            Path keyFile = Path.of("target", "it-data", "production-it", "session.key");
            assertThat(Files.readString(keyFile).strip()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(OLD_DEFAULT_KEY);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            String cookie = given().port(app.port()).formParam("j_username", "admin").formParam("j_password", "Fujian#Keji2031x")
                    .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
            given().port(app.port()).cookie("quarkus-credential", cookie).get("/api/session").then().statusCode(200);
            // The same format with the real key is accepted: so the forgery above failed on the key alone.
            given().port(app.port()).cookie("quarkus-credential", forge(Files.readString(keyFile).strip(), "admin"))
                    .get("/api/session").then().statusCode(200);
            assertThat(app.log()).doesNotContain(Files.readString(keyFile).strip()).doesNotContain("temporary key");

            // No API browser in production.
            given().port(app.port()).get("/q/swagger-ui/").then().statusCode(404);
            given().port(app.port()).get("/q/openapi").then().statusCode(404);
        }
    }

    @Test
    void shouldRefuseToStartOnAPublishedOrShortKey() throws Exception {
        for (String key : new String[] {OLD_DEFAULT_KEY, "short-key-1234567"}) {
            try (PackagedJar app = PackagedJar.launch("production-key-it", url(), Map.of("SESSION_ENCRYPTION_KEY", key))) {
                assertThat(app.awaitExit(Duration.ofSeconds(90))).as("the service must stop by itself").isGreaterThan(0);
                assertThat(app.log()).contains("SESSION_ENCRYPTION_KEY").doesNotContain(key);
            }
        }
    }

    /** A login cookie as Quarkus's form login makes it: AES-GCM under SHA-256(key) of "expiry:user". */
    static String forge(String key, String username) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] secret = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, iv));
        byte[] encrypted = cipher.doFinal((System.currentTimeMillis() + 3_600_000 + ":" + username).getBytes(StandardCharsets.UTF_8));
        ByteBuffer message = ByteBuffer.allocate(1 + iv.length + encrypted.length);
        message.put((byte) iv.length).put(iv).put(encrypted);
        return Base64.getEncoder().encodeToString(message.array());
    }
}
