package cn.fjsti.chainreport.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive's training aid: which logged classes it links, and that it runs no class's initializer. */
class ArchiveTrainingTest {

    static final AtomicBoolean PROBE_INITIALIZED = new AtomicBoolean();

    /** A class whose static initializer would show if linking ran it. */
    static final class Probe {
        static {
            PROBE_INITIALIZED.set(true);
        }

        public static int count;

        private Probe() {
        }
    }

    @Test
    void takesTheClassNameOfLinesFromJarsAndModulesOnly() {
        assertThat(ArchiveTraining.fromJar("org.hibernate.Version source: file:/srv/app/lib/main/hibernate-core.jar"))
                .isEqualTo("org.hibernate.Version");
        assertThat(ArchiveTraining.fromJar("[0.31s][info][class,load] a.B source: jar:file:/x.jar!/"))
                .isEqualTo("a.B");
        assertThat(ArchiveTraining.fromJar("java.util.HexFormat source: jrt:/java.base")).isEqualTo("java.util.HexFormat");
        assertThat(ArchiveTraining.fromJar("java.lang.Object source: shared objects file")).isNull();
        assertThat(ArchiveTraining.fromJar("a.B$$Lambda$14/0x01 source: a.B")).isNull();
        assertThat(ArchiveTraining.fromJar("com.sun.proxy.$Proxy3 source: __dynamic_proxy__")).isNull();
        assertThat(ArchiveTraining.fromJar("no source here")).isNull();
        assertThat(ArchiveTraining.fromJar("")).isNull();
    }

    @Test
    void linksWhatTheLogNamesWithoutInitialisingItAndPassesOverWhatItCannotFind(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("classes.log");
        Files.write(log, List.of(
                Probe.class.getName() + " source: file:/srv/app/app/chain-report.jar",
                "java.util.HexFormat source: jrt:/java.base",
                "java.lang.String source: shared objects file",
                "cn.fjsti.chainreport.NoSuchClass source: file:/srv/app/app/chain-report.jar",
                "garbled line"), StandardCharsets.UTF_8);

        int linked = ArchiveTraining.link(log, ArchiveTrainingTest.class.getClassLoader());

        assertThat(linked).isEqualTo(2);
        assertThat(PROBE_INITIALIZED).as("linking runs no static initializer").isFalse();
    }

    @Test
    void aMissingLogLinksNothing(@TempDir Path dir) {
        assertThat(ArchiveTraining.link(dir.resolve("absent.log"), ArchiveTrainingTest.class.getClassLoader())).isZero();
    }
}
