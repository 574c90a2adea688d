package cn.fjsti.chainreport.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that encrypts the login cookie ({@code quarkus.http.auth.session.encryption-key}). Whoever knows it
 * can make a cookie for any account, so the service never runs on a known one:
 * <ol>
 *   <li>{@code SESSION_ENCRYPTION_KEY} (or Quarkus's own {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} or
 *       the system property) when set: the way the nodes of a cluster share one key;</li>
 *   <li>otherwise {@code <data dir>/session.key}, made on first start from 32 bytes of {@link SecureRandom}
 *       and readable by the service's user only. It is never logged, never in an answer, and not in the
 *       repository; copying the file to every node is the other way to share it.</li>
 * </ol>
 * At start the key is checked: shorter than {@value #MIN_LENGTH} characters, or one ever committed to the
 * repository, and the service refuses to start with a message saying how to set one.
 */
@ApplicationScoped
public class SessionKey {

    public static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    public static final String FILE_NAME = "session.key";
    static final int MIN_LENGTH = 32;
    /** Keys that were in the repository: a cookie made with them must never be accepted. */
    static final Set<String> KNOWN = Set.of("change-me-in-production-0123456789");

    @ConfigProperty(name = PROPERTY)
    Optional<String> key;

    /** Called by the main class before Quarkus reads its configuration. */
    public static void supply(Path dataDir) {
        if (present(System.getProperty(PROPERTY)) || present(System.getenv("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"))) {
            return;
        }
        String shared = System.getenv("SESSION_ENCRYPTION_KEY");
        System.setProperty(PROPERTY, present(shared) ? shared : fromFile(dataDir.resolve(FILE_NAME)));
    }

    /** Reads the key file, making it first if there is none (atomically: two nodes starting at once agree). */
    static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Path fresh = Files.createTempFile(file.getParent(), "session", ".tmp");
                ownerOnly(fresh);
                Files.writeString(fresh, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), StandardCharsets.US_ASCII);
                try {
                    Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException other) {
                    Files.deleteIfExists(fresh);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或生成登录密钥文件 " + file + "：" + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
    }

    void check(@Observes StartupEvent start) {
        String problem = problem(key.orElse(null));
        if (problem != null) {
            throw new IllegalStateException(problem + "。请设置环境变量 SESSION_ENCRYPTION_KEY（至少 " + MIN_LENGTH
                    + " 个字符的随机串，各节点相同），或删除该设置，由服务在数据目录生成 " + FILE_NAME
                    + "（见 docs/operations.md）。 The login cookie key is missing, too short or publicly known: refusing to start.");
        }
    }

    /** Why a key must not be used, or null when it may. */
    static String problem(String key) {
        if (!present(key)) {
            return "未设置登录密钥";
        }
        if (KNOWN.contains(key.strip())) {
            return "登录密钥是仓库中公开过的值";
        }
        if (key.strip().length() < MIN_LENGTH) {
            return "登录密钥太短（" + key.strip().length() + " 个字符）";
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
