package cn.fjsti.chainreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory (H2 file with every report and the password hashes, backups) is readable by its owner only. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryIsTheOwnersAlone() throws Exception {
        Path dir = temp.resolve("new/data");
        ChainReportMain.ownerOnly(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void anExistingOpenDataDirectoryIsClosedToOthers() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("chainreport.mv.db"), "x");
        ChainReportMain.ownerOnly(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.readString(dir.resolve("chainreport.mv.db"))).isEqualTo("x");
    }
}
