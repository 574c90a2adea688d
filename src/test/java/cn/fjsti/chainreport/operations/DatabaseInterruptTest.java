package cn.fjsti.chainreport.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted thread must not close the embedded database for everyone (issue 23: in the national season the
 * transaction manager timed out an acceptance, interrupted the thread rolling it back while H2 was reading, and
 * H2's plain {@code file:} channel closed; every later request failed until a restart). The configured H2 URLs
 * use {@code retry:}, which reopens the file and carries on.
 */
class DatabaseInterruptTest {

    @Test
    void shouldOpenEveryConfiguredH2DatabaseThroughTheFileSystemThatSurvivesInterrupts() throws Exception {
        List<String> urls = h2Urls();
        assertTrue(urls.size() >= 4, "default, demo, dev, test and it profiles: " + urls);
        for (String url : urls) {
            assertTrue(url.startsWith("jdbc:h2:retry:file:"), url);
            assertTrue(url.contains("WRITE_DELAY=0"), "every commit on disk when it is answered: " + url);
            assertTrue(url.contains("QUERY_CACHE_SIZE=64"), "statements kept parsed, as measured: " + url);
            assertTrue(url.contains("OPTIMIZE_REUSE_RESULTS=FALSE"), "no last result kept with each of them: " + url);
        }
    }

    @Test
    void shouldKeepWritingAndKeepEveryCommitWhenTheWritingThreadIsInterrupted(@TempDir Path dir) throws Exception {
        String url = h2Urls().get(0).replace("${chainreport.data-dir}", dir.toString());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table draft(id int primary key, text varchar(20000))");
        }
        int rows = 600;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 PreparedStatement insert = c.prepareStatement("insert into draft values (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "产业链".repeat(1000 + i % 500));
                    insert.execute();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        // Another connection stays open throughout, as the pool's do: the database is not closed and reopened.
        try (Connection pooled = DriverManager.getConnection(url, "sa", "")) {
            writer.start();
            int interrupts = 0;
            while (writer.isAlive()) {
                Thread.sleep(5);
                writer.interrupt();
                interrupts++;
            }
            assertNull(failure.get(), () -> "the writer failed after interrupts: " + failure.get());
            assertTrue(interrupts > 10, "interrupted " + interrupts + " times");
            assertEquals(rows, count(pooled), "the open connection still reads the file");
        }
        try (Connection reopened = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(rows, count(reopened), "every commit is in the file after it was closed");
        }
    }

    private static long count(Connection c) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery("select count(*) from draft")) {
            assertTrue(r.next());
            return r.getLong(1);
        }
    }

    private static List<String> h2Urls() throws Exception {
        Properties p = new Properties();
        try (InputStream in = DatabaseInterruptTest.class.getResourceAsStream("/application.properties")) {
            assertFalse(in == null, "application.properties on the class path");
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames().stream().sorted((a, b) -> a.startsWith("%") == b.startsWith("%") ? a.compareTo(b)
                        : a.startsWith("%") ? 1 : -1)
                .filter(k -> k.endsWith("quarkus.datasource.jdbc.url"))
                .map(p::getProperty).filter(v -> v.startsWith("jdbc:h2:")).toList();
    }
}
