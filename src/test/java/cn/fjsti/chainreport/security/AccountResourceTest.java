package cn.fjsti.chainreport.security;

import static cn.fjsti.chainreport.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {

    private static final String GOOD = "Fujian#Keji2031";

    @Inject
    Database db;

    @Test
    void shouldCreateAnAccountThatCanLogIn() {
        as(Accounts.ADMIN).body(Map.of("username", "gutian-liu", "password", GOOD, "role", "COUNTY", "regionCode", "350922",
                "displayName", "古田县科技局 刘")).post("/api/accounts").then().statusCode(201)
                .body("regionName", equalTo("古田县")).body("enabled", equalTo(true));
        given().auth().preemptive().basic("gutian-liu", GOOD).get("/api/session").then().statusCode(200)
                .body("regionCode", equalTo("350922"));
        as(Accounts.ADMIN).get("/api/accounts").then().statusCode(200).body("username", hasItem("gutian-liu"));
    }

    @Test
    void shouldEnforceThePasswordRules() {
        for (String weak : List.of("short1A!", "alllowercase1", "ALLUPPER1234", "xiamen-ops#2031A", "Demo2026!abc")) {
            db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("username", "xiamen-ops", "password", weak, "role", "CITY",
                    "regionCode", "350200")).post("/api/accounts").then().statusCode(400).body("fields[0].field", equalTo("password")));
        }
    }

    @Test
    void shouldRefuseAccountsThatDoNotFitTheirRegion() {
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("username", "jinmen-1", "password", GOOD, "role", "COUNTY",
                "regionCode", "350527")).post("/api/accounts").then().statusCode(400).body("fields[0].field", equalTo("regionCode")));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("username", "haicang-city", "password", GOOD, "role", "CITY",
                "regionCode", "350205")).post("/api/accounts").then().statusCode(400));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("username", "350205", "password", GOOD, "role", "COUNTY",
                "regionCode", "350205")).post("/api/accounts").then().statusCode(409));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("username", "a b", "password", GOOD, "role", "COUNTY",
                "regionCode", "350205")).post("/api/accounts").then().statusCode(400).body("fields[0].field", equalTo("username")));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("username", "nobody-1", "password", GOOD, "role", "KING",
                "regionCode", "350205")).post("/api/accounts").then().statusCode(400).body("fields[0].field", equalTo("role")));
    }

    @Test
    void shouldLetOnlyTheAdminManageAccounts() {
        for (String other : List.of(Accounts.HAICANG, Accounts.XIAMEN, Accounts.INSTITUTE)) {
            as(other).get("/api/accounts").then().statusCode(403);
            db.assertWritesNothing(() -> as(other).body(Map.of("username", "sneaky", "password", GOOD, "role", "ADMIN",
                    "regionCode", "350000")).post("/api/accounts").then().statusCode(403));
            db.assertWritesNothing(() -> as(other).post("/api/accounts/350206/disable").then().statusCode(403));
        }
    }

    @Test
    void shouldDisableAndEnableAnAccount() {
        as(Accounts.ADMIN).body(Map.of("username", "minqing-wu", "password", GOOD, "role", "COUNTY", "regionCode", "350124"))
                .post("/api/accounts").then().statusCode(201);
        as(Accounts.ADMIN).post("/api/accounts/minqing-wu/disable").then().statusCode(200).body("enabled", equalTo(false));
        given().auth().preemptive().basic("minqing-wu", GOOD).get("/api/session").then().statusCode(401);
        as(Accounts.ADMIN).post("/api/accounts/minqing-wu/enable").then().statusCode(200);
        given().auth().preemptive().basic("minqing-wu", GOOD).get("/api/session").then().statusCode(200);
        db.assertWritesNothing(() -> as(Accounts.ADMIN).post("/api/accounts/admin/disable").then().statusCode(409));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).post("/api/accounts/nobody/disable").then().statusCode(404));
    }

    @Test
    void shouldChangeOwnPasswordOnlyWithTheCurrentOne() {
        as(Accounts.ADMIN).body(Map.of("username", "yongtai-chen", "password", GOOD, "role", "COUNTY", "regionCode", "350125"))
                .post("/api/accounts").then().statusCode(201);
        db.assertWritesNothing(() -> given().auth().preemptive().basic("yongtai-chen", GOOD).contentType("application/json")
                .body(Map.of("currentPassword", "wrong", "newPassword", "Another#Pass2031")).put("/api/session/password")
                .then().statusCode(400).body("fields[0].field", equalTo("currentPassword")));
        db.assertWritesNothing(() -> given().auth().preemptive().basic("yongtai-chen", GOOD).contentType("application/json")
                .body(Map.of("currentPassword", GOOD, "newPassword", "weak")).put("/api/session/password")
                .then().statusCode(400).body("fields[0].field", equalTo("newPassword")));
        given().auth().preemptive().basic("yongtai-chen", GOOD).contentType("application/json")
                .body(Map.of("currentPassword", GOOD, "newPassword", "Another#Pass2031")).put("/api/session/password").then().statusCode(204);
        given().auth().preemptive().basic("yongtai-chen", "Another#Pass2031").get("/api/session").then().statusCode(200);
        as(Accounts.ADMIN).body(Map.of("password", "Reset#Pass20311")).put("/api/accounts/yongtai-chen/password").then().statusCode(200);
        given().auth().preemptive().basic("yongtai-chen", "Reset#Pass20311").get("/api/session").then().statusCode(200);
    }
}
