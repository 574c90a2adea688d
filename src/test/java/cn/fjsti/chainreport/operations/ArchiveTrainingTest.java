package cn.fjsti.chainreport.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** Defined by {@link Recording}: a public field of a type the JVM asks for only once the class is linked. */
    public static final class LinkedProbe {
        public static LinkedFieldType value;

        private LinkedProbe() {
        }
    }

    /** The type of {@link LinkedProbe#value}. */
    public static final class LinkedFieldType {
        private LinkedFieldType() {
        }
    }

    /** Defines the {@code Linked…} classes itself and records every class it is asked for. */
    static final class Recording extends ClassLoader {
        final List<String> requested = new CopyOnWriteArrayList<>();

        Recording() {
            super(ArchiveTrainingTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            if (!name.startsWith(ArchiveTrainingTest.class.getName() + "$Linked")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }
        }
    }

    @Test
    void linkingGoesAsFarAsTheJvmAskingForTheTypesOfPublicFields(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("classes.log");
        Files.writeString(log, LinkedProbe.class.getName() + " source: file:/srv/app/app/chain-report.jar\n");
        Recording loader = new Recording();

        assertThat(ArchiveTraining.link(log, loader)).isEqualTo(1);

        // Loading alone (Class.forName without initialising) does not ask for a field's type; the reflection that
        // links the class does.
        assertThat(loader.requested).contains(LinkedProbe.class.getName(), LinkedFieldType.class.getName());
    }

    @Test
    void aMissingLogLinksNothing(@TempDir Path dir) {
        assertThat(ArchiveTraining.link(dir.resolve("absent.log"), ArchiveTrainingTest.class.getClassLoader())).isZero();
    }
}
