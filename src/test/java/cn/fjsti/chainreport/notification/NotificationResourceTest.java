package cn.fjsti.chainreport.notification;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationResourceTest {

    @Inject
    Database db;

    @Test
    void shouldMarkOwnMessagesReadAndNobodyElses() {
        long id = Fixtures.newReport(Accounts.XIANGAN);
        Fixtures.fillAndSubmit(Accounts.XIANGAN, id);
        as(Accounts.XIAMEN).body(Map.of("comment", "请完善第三部分")).post("/api/reports/{id}/return", id).then().statusCode(200);
        int unread = as(Accounts.XIANGAN).get("/api/notifications").then().statusCode(200).extract().path("unread");
        int message = as(Accounts.XIANGAN).get("/api/notifications?unreadOnly=true").then().extract().path("items[0].id");

        db.assertWritesNothing(() -> as(Accounts.HAICANG).post("/api/notifications/{id}/read", message).then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).post("/api/notifications/987654/read").then().statusCode(404));
        as(Accounts.XIANGAN).post("/api/notifications/{id}/read", message).then().statusCode(200).body("read", equalTo(true));
        as(Accounts.XIANGAN).get("/api/notifications").then().body("unread", equalTo(unread - 1));
    }
}
