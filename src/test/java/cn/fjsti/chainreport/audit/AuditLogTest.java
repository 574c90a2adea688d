package cn.fjsti.chainreport.audit;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    @Inject
    Database db;

    @Test
    void shouldRecordWhoDidWhatWhenAndFromWhere() {
        long id = Fixtures.newReport(Accounts.HULI);
        long v = Fixtures.version(Accounts.HULI, id);
        as(Accounts.HULI).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "审计测试"))).put("/api/reports/{id}/draft", id)
                .then().statusCode(200);
        as(Accounts.INSTITUTE).get("/api/audit?username=" + Accounts.HULI).then().statusCode(200)
                .body("[0].action", equalTo("report.saveDraft"))
                .body("[0].role", equalTo("COUNTY"))
                .body("[0].regionCode", equalTo(Accounts.HULI))
                .body("[0].target", startsWith(String.valueOf(id)))
                .body("[0].remoteAddress", equalTo("127.0.0.1"))
                .body("[1].action", equalTo("chains.declare"));
        as(Accounts.ADMIN).get("/api/audit").then().statusCode(200);
    }

    @Test
    void shouldNotRecordARefusedChange() {
        long id = Fixtures.newReport(Accounts.HULI);
        db.assertWritesNothing(() -> as(Accounts.HULI).body(Map.of("version", 0, "sections", Map.of("COUNTY_INDUSTRY", "旧版本")))
                .put("/api/reports/{id}/draft", id).then().statusCode(409));
    }

    @Test
    void shouldBeReadOnlyAndOnlyForTheProvince() {
        as(Accounts.HULI).get("/api/audit").then().statusCode(403);
        as(Accounts.XIAMEN).get("/api/audit").then().statusCode(403);
        db.assertWritesNothing(() -> {
            as(Accounts.ADMIN).body(Map.of()).put("/api/audit").then().statusCode(405);
            as(Accounts.ADMIN).delete("/api/audit").then().statusCode(405);
            as(Accounts.ADMIN).body(Map.of("action", "伪造")).post("/api/audit").then().statusCode(405);
        });
    }
}
