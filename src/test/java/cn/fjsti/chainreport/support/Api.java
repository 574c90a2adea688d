package cn.fjsti.chainreport.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs in through the real form login once per account and hands out requests carrying its cookie. */
public final class Api {

    public static final String PASSWORD = "demo2026";
    private static final String COOKIE = "quarkus-credential";
    private static final Map<String, String> COOKIES = new ConcurrentHashMap<>();

    private Api() {
    }

    public static RequestSpecification as(String username) {
        String cookie = COOKIES.computeIfAbsent(username, Api::login);
        return given().cookie(COOKIE, cookie).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /**
     * Drops the cached cookie of an account whose sessions were just ended (logout, password change), so the
     * next request logs in afresh. Returns the given answer, for use inside a call.
     */
    public static <T> T forgetAfter(String username, T answer) {
        COOKIES.remove(username);
        return answer;
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String login(String username) {
        String cookie = given().formParam("j_username", username).formParam("j_password", PASSWORD)
                .post("/j_security_check")
                .then().statusCode(200)
                .extract().cookie(COOKIE);
        if (cookie == null) {
            throw new IllegalStateException("no login cookie for " + username);
        }
        return cookie;
    }
}
