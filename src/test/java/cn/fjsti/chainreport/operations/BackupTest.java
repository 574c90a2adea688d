package cn.fjsti.chainreport.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;

/**
 * The online backup while the service runs, and its restore the way docs/operations.md says (org.h2.tools.Restore
 * into an empty directory, then the database opens with the accounts it had). Only the administrator may back up.
 */
@QuarkusTest
class BackupTest {

    @Test
    void shouldBackUpWhileRunningAndRestore() throws Exception {
        given().post("/api/admin/backup").then().statusCode(401).contentType("application/problem+json");
        Api.as(Accounts.HAICANG).post("/api/admin/backup").then().statusCode(403).contentType("application/problem+json");
        Api.as(Accounts.XIAMEN).post("/api/admin/backup").then().statusCode(403);

        if ("postgresql".equals(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.db-kind", String.class))) {
            // PostgreSQL is backed up with its own tools (docs/operations.md): the endpoint says so.
            Api.as(Accounts.ADMIN).post("/api/admin/backup").then().statusCode(409).contentType("application/problem+json");
            return;
        }
        String file = Api.as(Accounts.ADMIN).post("/api/admin/backup").then().statusCode(201).extract().path("file");
        Path zip = Path.of(file);
        assertThat(zip).isAbsolute().exists();
        assertThat(zip.getParent()).isEqualTo(Path.of("target", "test-data", "backups").toAbsolutePath());
        String database;
        try (ZipFile entries = new ZipFile(zip.toFile())) {
            List<String> names = entries.stream().map(ZipEntry::getName).toList();
            assertThat(names).anyMatch(n -> n.endsWith(".mv.db"));
            database = names.stream().filter(n -> n.endsWith(".mv.db")).findFirst().orElseThrow().replace(".mv.db", "");
        }

        Path restored = Files.createTempDirectory(Path.of("target"), "restored-");
        Restore.execute(zip.toString(), restored.toString(), null);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve(database).toAbsolutePath(), "sa", "");
             ResultSet accounts = c.createStatement().executeQuery("select count(*) from account where username = 'admin'")) {
            accounts.next();
            assertThat(accounts.getInt(1)).isEqualTo(1);
        }
    }
}
