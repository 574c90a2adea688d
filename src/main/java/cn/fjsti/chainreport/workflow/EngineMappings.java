package cn.fjsti.chainreport.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.jboss.logging.Logger;

/**
 * The engine's SQL mappings, read on a thread of their own while the rest of the service starts (issue 23, start).
 *
 * <p>Building the engine reads its MyBatis mappings ({@code org/camunda/bpm/engine/impl/mapping/mappings.xml} and
 * the ≈ 60 files it names): about 3 s of one core in a 10 s start on the two-core machine of docs/benchmarks.md,
 * all of it on the main thread, while the other core is mostly idle. What that reading needs is known before
 * Quarkus starts: the database type (the engine's names: {@code h2}, {@code postgres}) and the table prefix (the
 * engine's default, empty). {@link #readAhead} starts it at the top of {@code ChainReportMain}; the engine's
 * configuration ({@link EngineConfiguration#initSqlSessionFactory()}) {@linkplain #take takes} the result,
 * waiting for it if it is not done, when the database type and prefix it found are the ones read for. Otherwise
 * (another database, a prefix, a test that starts no {@code main}, a failed read) the engine reads its mappings
 * itself, as before: the read ahead can only save time, never change what the engine runs.
 *
 * <p>The reading is the engine's own, step for step ({@code ProcessEngineConfigurationImpl.initSqlSessionFactory}
 * in Camunda 7.23): the same file, the same properties ({@code prefix} and the database's SQL fragments from
 * {@link ProcessEngineConfigurationImpl#initSqlSessionFactoryProperties}); only the environment (transaction
 * factory and data source), the statement timeout and the executor type are set afterwards, by the engine's
 * configuration, as the engine sets them.
 */
public final class EngineMappings {

    private static final Logger LOG = Logger.getLogger(EngineMappings.class);

    /** What a read was for, and its result. */
    private record Read(String databaseType, String tablePrefix, CompletableFuture<Configuration> configuration) {
    }

    private static final AtomicReference<Read> AHEAD = new AtomicReference<>();

    /** How long the engine waits for the read before it reads itself: 20 times what it takes on two busy cores. */
    static final Duration WAIT = Duration.ofMinutes(1);

    private EngineMappings() {
    }

    /**
     * Starts reading the mappings for this database on a daemon thread ({@code engine-mappings}); at most one
     * read is kept, a second call replaces the first.
     *
     * @param databaseType the engine's name of the database: {@code h2} or {@code postgres} (see
     *                     {@link #databaseTypeOf})
     * @param tablePrefix  the engine's table prefix, empty by default
     */
    public static void readAhead(String databaseType, String tablePrefix) {
        // The properties on the caller's thread: this initialises the engine's configuration class and its loggers
        // (ProcessEngineLogger's static fields are instances of its own subclasses) here, before the other thread
        // starts, so that the two threads never initialise that family of classes at once and wait for each other.
        Properties properties = properties(databaseType, tablePrefix);
        CompletableFuture<Configuration> result = new CompletableFuture<>();
        AHEAD.set(new Read(databaseType, tablePrefix, result));
        Thread thread = new Thread(() -> {
            try {
                result.complete(parse(properties));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "engine-mappings");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The engine's name for the database a JDBC URL opens, as far as the service uses one.
     *
     * @param jdbcUrl the configured URL, or {@code null} for the default (H2, application.properties)
     * @return {@code postgres} for {@code jdbc:postgresql:}, {@code h2} for {@code jdbc:h2:} or {@code null};
     *         {@code null} for any other database (then nothing is read ahead)
     */
    public static String databaseTypeOf(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank() || jdbcUrl.startsWith("jdbc:h2:")) {
            return "h2";
        }
        return jdbcUrl.startsWith("jdbc:postgresql:") ? "postgres" : null;
    }

    /**
     * The mappings read ahead for this database type and prefix, waiting for the read if it is still going; once
     * only (a second engine reads its own).
     *
     * @return the parsed configuration, without environment; {@code null} when nothing was read ahead, it was read
     *         for another database or prefix, or the read failed or took longer than {@link #WAIT} (logged; the
     *         engine then reads, and reports, itself)
     */
    static Configuration take(String databaseType, String tablePrefix) {
        Read read = AHEAD.getAndSet(null);
        if (read == null) {
            return null;
        }
        if (!Objects.equals(read.databaseType(), databaseType) || !Objects.equals(read.tablePrefix(), tablePrefix)) {
            LOG.debugf("Mappings were read ahead for %s, the engine runs on %s: it reads its own",
                    read.databaseType(), databaseType);
            return null;
        }
        try {
            return read.configuration().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            LOG.warn("Reading the engine's mappings ahead failed; the engine reads them itself", e.getCause());
            return null;
        } catch (TimeoutException e) {
            LOG.warnf("Reading the engine's mappings ahead took longer than %s; the engine reads them itself", WAIT);
            return null;
        }
    }

    /**
     * Reads the mappings as the engine does.
     *
     * @param databaseType the engine's database name ({@code h2}, {@code postgres}, …)
     * @param tablePrefix  the table prefix, empty by default
     * @return the parsed MyBatis configuration, without environment
     */
    static Configuration read(String databaseType, String tablePrefix) {
        return parse(properties(databaseType, tablePrefix));
    }

    /** The engine's properties for its mappings: {@code prefix} and the database's SQL fragments. */
    private static Properties properties(String databaseType, String tablePrefix) {
        Properties properties = new Properties();
        properties.put("prefix", tablePrefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
        return properties;
    }

    private static Configuration parse(Properties properties) {
        try (InputStream in = ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
             Reader reader = new InputStreamReader(in)) {
            return new XMLConfigBuilder(reader, "", properties).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
