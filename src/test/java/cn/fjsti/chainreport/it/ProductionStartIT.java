package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The jar started as in production: no demo accounts, only the bootstrapped administrator. */
class ProductionStartIT {

    @Test
    void shouldStartWithoutDemoAccountsAndWithTheBootstrappedAdministrator() throws Exception {
        String url = System.getenv().getOrDefault("PRODUCTION_IT_JDBC_URL",
                "jdbc:h2:file:./target/h2/production-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        try (PackagedJar app = PackagedJar.startAsIs("production-it", url, "-Dchainreport.bootstrap.admin-password=Fujian#Keji2031x")) {
            given().port(app.port()).auth().preemptive().basic("350205", "demo2026").get("/api/session").then().statusCode(401);
            given().port(app.port()).auth().preemptive().basic("admin", "demo2026").get("/api/session").then().statusCode(401);
            given().port(app.port()).auth().preemptive().basic("admin", "Fujian#Keji2031x").get("/api/session").then().statusCode(200);
        }
    }
}
