package cn.fjsti.chainreport;

import cn.fjsti.chainreport.common.ClockProducer;
import cn.fjsti.chainreport.operations.ArchiveTraining;
import cn.fjsti.chainreport.operations.H2Recovery;
import cn.fjsti.chainreport.security.SessionKey;
import cn.fjsti.chainreport.workflow.EngineMappings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.TimeZone;

/**
 * Starts the service. First it sets the workflow engine's SQL mappings reading on a thread of their own
 * ({@link EngineMappings}: about 3 s of one core, beside the rest of the start). Before Quarkus reads its
 * configuration it settles four things the configuration cannot:
 * <ul>
 *   <li>the JVM's time zone is Asia/Shanghai whatever the server's is: the workflow engine stores timer due
 *       dates as zone-less local timestamps, so a restart under another zone would move every reminder and
 *       the overdue mark (the service's own columns are {@code TIMESTAMP WITH TIME ZONE});</li>
 *   <li>the data directory ({@code chainreport.data-dir}, env {@code CHAINREPORT_DATA_DIR}, default
 *       {@code ./data}) is made absolute once, so the database and the key file never depend on where the
 *       service was started from;</li>
 *   <li>the login cookie's key is supplied ({@link SessionKey}): never the one committed to the repository;</li>
 *   <li>an H2 file the last process did not close is checked for commits H2's own open would miss ({@link
 *       H2Recovery}), before anything opens it.</li>
 * </ul>
 * In the start that trains the class-data archive, and only there, it also arranges for the classes that start
 * loaded to be linked at exit ({@link ArchiveTraining}), so that the archive holds them.
 */
@QuarkusMain
public final class ChainReportMain {

    /** Property naming the data directory (H2 file, session key). */
    public static final String DATA_DIR = "chainreport.data-dir";

    private ChainReportMain() {
    }

    public static void main(String... args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ClockProducer.ZONE));
        System.setProperty("user.timezone", ClockProducer.ZONE.getId());
        String jdbcUrl = System.getProperty("quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        String databaseType = EngineMappings.databaseTypeOf(jdbcUrl);
        if (databaseType != null) {
            EngineMappings.readAhead(databaseType, "");
        }
        Path dataDir = dataDir();
        System.setProperty(DATA_DIR, dataDir.toString());
        ownerOnly(dataDir);
        SessionKey.supply(dataDir);
        H2Recovery.recoverAtStart(jdbcUrl, dataDir);
        ArchiveTraining.linkAtExitIfTraining(ChainReportMain.class.getClassLoader());
        Quarkus.run(args);
    }

    /**
     * Makes the data directory the service account's alone ({@code rwx------}), creating it if missing: the H2 file
     * holds every report and the accounts' password hashes, and {@code backups/} their copies. On a file system
     * without POSIX permissions (Windows) the directory's own access rules apply; when the permissions cannot be set
     * (another owner), the start goes on and says so.
     */
    static void ownerOnly(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: nothing to set here.
        } catch (java.io.IOException e) {
            org.jboss.logging.Logger.getLogger(ChainReportMain.class).warnf(
                    "Could not make the data directory %s the service account's alone (%s): other local users may read it", dir, e);
        }
    }

    static Path dataDir() {
        String configured = System.getProperty(DATA_DIR);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CHAINREPORT_DATA_DIR");
        }
        return Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath().normalize();
    }
}
