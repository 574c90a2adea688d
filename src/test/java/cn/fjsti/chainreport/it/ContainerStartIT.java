package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started the way src/main/docker/Dockerfile.jvm starts it (no image builder is needed): the
 * JVM options of its JAVA_OPTS_APPEND, CHAINREPORT_DATA_DIR as an absolute directory, the production profile,
 * from another working directory. The service comes up, writes JSON log lines, says its absolute data
 * directory, and keeps the H2 file and the login key there, not where it was started.
 */
class ContainerStartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldStartAsTheImageDoes() throws Exception {
        String dockerfile = Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"));
        Matcher opts = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(opts.find()).as("JAVA_OPTS_APPEND in the Dockerfile").isTrue();
        List<String> jvmOptions = new ArrayList<>(Arrays.asList(opts.group(1).trim().split("\\s+")));
        assertThat(jvmOptions).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(dockerfile).contains("USER 185").contains("ENV CHAINREPORT_DATA_DIR=/data").contains("VOLUME /data");

        // The database kind is fixed when the jar is built: a jar built for PostgreSQL (.ci/with-postgres) is not the
        // image's H2 jar, so this check belongs to the H2 build.
        org.junit.jupiter.api.Assumptions.assumeFalse("postgresql".equals(System.getenv("QUARKUS_DATASOURCE_DB_KIND")),
                "the image runs the H2 build; this jar was built for PostgreSQL");
        Path data = Files.createDirectories(Path.of("target", "it-container", "data")).toAbsolutePath();
        Path elsewhere = Files.createDirectories(Path.of("target", "it-container", "cwd")).toAbsolutePath();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        jvmOptions.removeIf(o -> o.startsWith("-Dquarkus.http.host"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString()));
        File log = data.getParent().resolve("app.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true).redirectOutput(log);
        builder.environment().remove("SESSION_ENCRYPTION_KEY");
        builder.environment().remove("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        builder.environment().put("CHAINREPORT_DATA_DIR", data.toString());
        builder.environment().put("TZ", "Asia/Shanghai");
        builder.environment().put("CHAINREPORT_BOOTSTRAP_ADMIN_PASSWORD", "Fujian#Keji2031x");
        Process process = builder.start();
        try {
            Instant until = Instant.now().plus(Duration.ofSeconds(300)); // generous: the shared test machine can be slow
            boolean ready = false;
            while (!ready && Instant.now().isBefore(until) && process.isAlive()) {
                try {
                    ready = given().port(port).get("/q/health/ready").statusCode() == 200;
                } catch (Exception notYet) {
                    Thread.sleep(250);
                }
            }
            assertThat(ready).as("ready; log: %s", log).isTrue();
            given().port(port).auth().preemptive().basic("admin", "Fujian#Keji2031x").get("/api/session").then().statusCode(200);

            List<String> lines = Files.readAllLines(log.toPath()).stream().filter(l -> !l.isBlank()).toList();
            List<JsonNode> records = new ArrayList<>();
            for (String line : lines) {
                assertThat(line).as("a JSON log line").startsWith("{");
                records.add(JSON.readTree(line));
            }
            assertThat(records).anySatisfy(r -> assertThat(r.path("message").asText()).isEqualTo("Data directory: " + data));
            assertThat(data.resolve("chainreport.mv.db")).exists();
            assertThat(data.resolve("session.key")).exists();
            assertThat(elsewhere.resolve("data")).doesNotExist();
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
