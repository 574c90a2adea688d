package cn.fjsti.chainreport.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    @Test
    void shouldLogInWithTheFormAndKnowWhoIAm() {
        String cookie = Api.login(Accounts.PINGTAN);
        given().cookie("quarkus-credential", cookie).get("/api/session").then().statusCode(200)
                .body("username", equalTo("350128"))
                .body("role", equalTo("COUNTY"))
                .body("regionName", equalTo("平潭县"));
    }

    @Test
    void shouldAcceptHttpBasicForScripts() {
        given().auth().preemptive().basic(Accounts.INSTITUTE, Api.PASSWORD).get("/api/session").then().statusCode(200)
                .body("role", equalTo("INSTITUTE"));
    }

    @Test
    void shouldRefuseAWrongPassword() {
        given().formParam("j_username", Accounts.HAICANG).formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(401)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        given().auth().preemptive().basic(Accounts.HAICANG, "wrong").get("/api/session").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAnUnknownUser() {
        given().auth().preemptive().basic("nobody", Api.PASSWORD).get("/api/session").then().statusCode(401);
    }

    @Test
    void shouldExpireTheCookieOnLogout() {
        String cookie = Api.login(Accounts.MINHOU);
        Api.forgetAfter(Accounts.MINHOU, null);
        given().cookie("quarkus-credential", cookie).post("/api/session/logout").then().statusCode(204)
                .header("Set-Cookie", not(emptyOrNullString()))
                .header("Set-Cookie", org.hamcrest.Matchers.containsString("Max-Age=0"));
    }
}
