package cn.fjsti.chainreport.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Helps the training start of the class-data archive (src/main/scripts/train-cds.sh, docs/operations.md "Faster
 * start") put more of the start's classes into the archive; does nothing in any other start.
 *
 * <p>JDK 17 archives, at exit, only the classes that were <em>linked</em>. A start loads ≈ 3,000 classes it never
 * links (Hibernate, the validator and CDI read the types in classes' signatures by reflection: ≈ 930 of Hibernate's
 * own), so every start parsed them from their jars again (the archive's log: "Skipping …: Not linked"). The training
 * start names a file for the JVM's class-loading log ({@code -Xlog:class+load=info:file=F:none}) and passes it as
 * {@value #CLASS_LOG}; at exit this links every class that log shows loaded from a jar or the JDK's modules rather
 * than from an archive, before the JVM writes the archive. Linking is what {@link Class#getFields()} does before it
 * answers (HotSpot: "Ensure class is linked"); it runs no static initializer, and of the fields it lists only public
 * ones, so it loads few other classes.
 *
 * <p>Only the training sets the property; a class that cannot be found or linked (the log names a class a loader
 * has let go of, or the loaders are closing) is passed over: the archive then lacks it, as before.
 */
public final class ArchiveTraining {

    /** System property naming the class-loading log of a training start; unset in every other start. */
    public static final String CLASS_LOG = "train-cds.class-log";

    private ArchiveTraining() {
    }

    /**
     * In a training start (property {@value #CLASS_LOG} set), arranges for the logged classes to be linked at exit,
     * before the JVM writes the archive; otherwise nothing.
     *
     * @param loader the class loader of the service's classes
     */
    public static void linkAtExitIfTraining(ClassLoader loader) {
        String log = System.getProperty(CLASS_LOG);
        if (log == null || log.isBlank()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> link(Path.of(log), loader), "archive-training"));
    }

    /**
     * Links the classes a class-loading log (lines {@code name source: where}, without decorations) shows loaded from
     * a jar or the JDK's modules.
     *
     * @return how many classes were found and linked
     */
    static int link(Path log, ClassLoader loader) {
        int linked = 0;
        try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = fromJar(line);
                if (name != null && link(name, loader)) {
                    linked++;
                }
            }
        } catch (IOException e) {
            System.err.println("archive-training: " + log + ": " + e.getMessage());
        }
        return linked;
    }

    /** The class name of a log line whose class came from a jar or a module, else {@code null}. */
    static String fromJar(String line) {
        int source = line.indexOf(" source: ");
        if (source <= 0) {
            return null;
        }
        String where = line.substring(source + " source: ".length());
        boolean fromFile = where.startsWith("file:") || where.startsWith("jar:") || where.startsWith("jrt:");
        return fromFile ? line.substring(line.lastIndexOf(' ', source - 1) + 1, source) : null;
    }

    private static boolean link(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader).getFields();
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // Gone, unlinkable, or the loader closing: this class stays out of the archive, as without the training aid.
            return false;
        }
    }
}
