package cn.fjsti.chainreport.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Ordinary refusals (an unknown address, an unknown id, a bad id, unreadable JSON, another region's data) leave
 * no stack trace and nothing at WARN or above in the log: the log stays for what needs a look.
 */
@QuarkusTest
class QuietRefusalsTest {

    @Test
    void ordinaryRefusalsLogNoStackTrace() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().get("/api/no-such-thing").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
            given().accept("text/html").get("/no-such-page").then().statusCode(404);
            Api.as(Accounts.HAICANG).get("/api/reports/999999999").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
            Api.as(Accounts.HAICANG).get("/api/reports/abc").then().statusCode(404);
            Api.as(Accounts.HAICANG).contentType("application/json").body("{\"chains\": [").post("/api/campaigns/1/chains")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
            given().auth().preemptive().basic(Accounts.HAICANG, "wrong-password").get("/api/session").then().statusCode(401);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(records).as("log records with a stack trace")
                .filteredOn(r -> r.getThrown() != null).extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
        assertThat(records).as("log records at WARN or above")
                .filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
    }
}
