package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged service started as a separate process on a free port, in the demo profile, for tests that stop and start it. */
final class PackagedJar implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;

    private final File log;

    private PackagedJar(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Waits for the process to end by itself; returns its exit code, or -1 if it still runs after the wait. */
    int awaitExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** What the service wrote to its log so far. */
    String log() throws IOException {
        return Files.readString(log.toPath());
    }

    /** Starts the jar in the demo profile on the given database with extra system properties; waits until ready. */
    static PackagedJar start(String logFolder, String jdbcUrl, String... properties) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("-Dquarkus.profile=demo"));
        all.addAll(List.of(properties));
        return startAsIs(logFolder, jdbcUrl, all.toArray(String[]::new));
    }

    /** Starts the jar as production would run it (no demo profile). */
    static PackagedJar startAsIs(String logFolder, String jdbcUrl, String... properties) throws IOException, InterruptedException {
        return startAsIs(logFolder, jdbcUrl, java.util.Map.of(), properties);
    }

    /** Starts the jar as production would run it, with extra environment variables. */
    static PackagedJar startAsIs(String logFolder, String jdbcUrl, java.util.Map<String, String> env, String... properties)
            throws IOException, InterruptedException {
        PackagedJar jar = launch(logFolder, jdbcUrl, env, properties);
        jar.awaitReady();
        return jar;
    }

    /** Starts the jar without waiting for it (for starts that must fail). */
    static PackagedJar launch(String logFolder, String jdbcUrl, java.util.Map<String, String> env, String... properties)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File log = Files.createDirectories(Path.of("target", logFolder)).resolve("app-" + port + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                // The login key file: one per test (the nodes of one test share it, as a cluster's nodes would).
                "-Dchainreport.data-dir=" + Path.of("target", "it-data", logFolder)));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().remove("SESSION_ENCRYPTION_KEY");
        builder.environment().remove("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        builder.environment().putAll(env);
        return new PackagedJar(builder.start(), port, log);
    }

    private void awaitReady() throws InterruptedException {
        PackagedJar jar = this;
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            if (!jar.process.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        jar.close();
        throw new IllegalStateException("the service did not start within 90 s; see " + log);
    }

    int port() {
        return port;
    }

    /** Ends the process at once, as a crash would (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
