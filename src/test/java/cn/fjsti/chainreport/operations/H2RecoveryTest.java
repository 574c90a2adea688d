package cn.fjsti.chainreport.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-time check of H2 files ({@link H2Recovery}) on what it must leave alone; what it recovers after a kill is
 * proven in {@link H2CompactionCrashTest}.
 */
class H2RecoveryTest {

    @Test
    void shouldFindTheFileOfEveryH2FileUrlAndNoOther() {
        assertThat(H2Recovery.h2File("jdbc:h2:retry:file:/data/chainreport;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .contains(Paths.get("/data/chainreport.mv.db"));
        assertThat(H2Recovery.h2File("jdbc:h2:file:/srv/x/db")).contains(Paths.get("/srv/x/db.mv.db"));
        assertThat(H2Recovery.h2File("jdbc:h2:nio:file:./rel/db;MODE=PostgreSQL"))
                .contains(Paths.get("rel/db.mv.db").toAbsolutePath());
        assertThat(H2Recovery.h2File("jdbc:h2:./data/chainreport")).contains(Paths.get("data/chainreport.mv.db").toAbsolutePath());
        assertThat(H2Recovery.h2File("jdbc:h2:~/chainreport;WRITE_DELAY=0"))
                .contains(Paths.get(System.getProperty("user.home"), "chainreport.mv.db"));
        assertThat(H2Recovery.h2File("JDBC:H2:async:/srv/db")).contains(Paths.get("/srv/db.mv.db"));
        assertThat(H2Recovery.h2File("jdbc:h2:mem:test")).isEmpty();
        assertThat(H2Recovery.h2File("jdbc:h2:retry:mem:test")).isEmpty();
        assertThat(H2Recovery.h2File("jdbc:h2:tcp://localhost/~/db")).isEmpty();
        assertThat(H2Recovery.h2File("jdbc:h2:zip:/backups/db.zip!/db")).isEmpty();
        assertThat(H2Recovery.h2File("jdbc:h2:file:")).isEmpty();
        assertThat(H2Recovery.h2File("jdbc:postgresql://db:5432/chainreport")).isEmpty();
    }

    @Test
    void shouldLeaveACleanlyClosedFileUntouched() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target", "h2")), "recovery");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key)");
            s.execute("insert into t values (1)");
        }
        Path file = dir.resolve("db.mv.db");
        byte[] before = Files.readAllBytes(file);
        assertThat(H2Recovery.closedCleanly(file)).isTrue();
        List<H2Recovery.Result> results = H2Recovery.recoverAtStart(null, dir);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.cleanlyClosed()).isTrue();
            assertThat(r.repaired()).isFalse();
        });
        assertThat(Arrays.equals(before, Files.readAllBytes(file))).as("not a byte written").isTrue();
        // A URL for another database: nothing looked at, even with H2 files in the data directory.
        assertThat(H2Recovery.recoverAtStart("jdbc:postgresql://db:5432/chainreport", dir)).isEmpty();
    }

    @Test
    void shouldReadTheNewestWholeChunkAsH2Does() throws Exception {
        // The read for newer chunks parses H2's chunk headers and footers itself: it must agree with H2 on its files.
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target", "h2")), "recovery");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, body varchar(4000))");
            for (int i = 0; i < 300; i++) {
                s.execute("insert into t values (" + i + ", '" + "县域重点产业创新链".repeat(100) + "')");
            }
            s.execute("delete from t where mod(id, 3) <> 0");
        }
        Path file = dir.resolve("db.mv.db");
        long h2Version;
        try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            h2Version = store.getCurrentVersion();
        }
        assertThat(h2Version).isGreaterThan(300);
        assertThat(H2Recovery.newestChunkVersion(file)).isEqualTo(h2Version);
        // Bytes that only start like a chunk are not one.
        Path fake = dir.resolve("fake.mv.db");
        byte[] bytes = new byte[4 * 4096];
        byte[] header = "chunk:7,len:2,pages:1,max:10,map:1,root:0,time:0,version:63\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 2 * 4096, header.length);
        Files.write(fake, bytes);
        assertThat(H2Recovery.newestChunkVersion(fake)).isEqualTo(-1);
    }

    @Test
    void shouldRecoverTheCommitsH2sQuickOpenMisses() throws Exception {
        // What a kill -9 leaves is the file as the last write left it: with WRITE_DELAY=0 there is no writer thread, so a
        // copy taken right after a commit returned is exactly that. Commits go into space freed at once (retention 0)
        // until H2's quick open of such a copy stops short of the last commit; that copy must then be recovered.
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target", "h2")), "recovery");
        Path killed = dir.resolve("killed.mv.db");
        long committed = -1;
        int round = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db")
                + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "");
             Statement s = c.createStatement()) {
            org.h2.mvstore.MVStore live = H2Compaction.fileStoreOf(c);
            s.execute("create table t (id int primary key, body varchar(4000), round int)");
            for (int i = 0; i < 200; i++) {
                s.execute("insert into t values (" + i + ", '" + "县域重点产业创新链".repeat(100) + "', 0)");
            }
            for (round = 1; round < 3000 && committed < 0; round++) {
                s.execute("update t set round = " + round + " where id = " + (round * 7) % 200);
                Files.copy(dir.resolve("db.mv.db"), killed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (org.h2.mvstore.MVStore copy = new org.h2.mvstore.MVStore.Builder().fileName(killed.toString()).readOnly().open()) {
                    if (copy.getCurrentVersion() < live.getCurrentVersion()) {
                        committed = live.getCurrentVersion();
                    }
                }
            }
        }
        int last = round - 1;
        assertThat(committed).as("H2's quick open missed a commit within %d updates into reused space", last).isPositive();

        H2Recovery.Result result = H2Recovery.recover(killed);
        assertThat(result.cleanlyClosed()).isFalse();
        assertThat(result.repaired()).as("%s", result).isTrue();
        assertThat(result.scannedVersion()).isEqualTo(committed);
        assertThat(result.copy()).as("the file as it was, kept").exists();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("killed")
                + ";IFEXISTS=TRUE", "sa", "");
             Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("select round from t where id = " + (last * 7) % 200)) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).as("the last acknowledged update").isEqualTo(last);
        }
        // Checked again, the recovered file needs nothing more.
        assertThat(H2Recovery.recover(killed).repaired()).isFalse();
    }

    @Test
    void shouldTreatATornOrShortHeaderAsUnclean() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target", "h2")), "recovery");
        Path shortFile = dir.resolve("short.mv.db");
        Files.write(shortFile, "H:2,clean:1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(H2Recovery.closedCleanly(shortFile)).isFalse();
        byte[] torn = new byte[8192];
        byte[] one = "H:2,block:2,chunk:1,clean:1,version:1,fletcher:0\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] other = "H:2,block:2,chunk:2,version:2,fletcher:0\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(one, 0, torn, 0, one.length);
        System.arraycopy(other, 0, torn, 4096, other.length);
        Path tornFile = dir.resolve("torn.mv.db");
        Files.write(tornFile, torn);
        assertThat(H2Recovery.closedCleanly(tornFile)).isFalse();
    }
}
