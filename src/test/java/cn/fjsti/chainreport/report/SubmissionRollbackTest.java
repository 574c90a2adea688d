package cn.fjsti.chainreport.report;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.FaultInjectingRecordSubmissionDelegate;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine and Hibernate share one transaction: a failing process step undoes the entity writes too. */
@QuarkusTest
class SubmissionRollbackTest {

    @Inject
    Database db;

    @Test
    void shouldRollBackTheRevisionAndTheTaskWhenAProcessStepFails() {
        long id = Fixtures.newReport(Accounts.XIANGAN, FaultInjectingRecordSubmissionDelegate.FAULTY_CHAIN);
        long v = Fixtures.version(Accounts.XIANGAN, id);
        long saved = ((Number) as(Accounts.XIANGAN).body(Fixtures.completeDraft(v)).put("/api/reports/{id}/draft", id)
                .then().statusCode(200).extract().path("version")).longValue();

        db.assertWritesNothing(() -> as(Accounts.XIANGAN).body(Map.of("version", saved)).post("/api/reports/{id}/submit", id)
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", containsString("您的操作未生效"))
                .body("detail", not(containsString("IllegalStateException"))));

        as(Accounts.XIANGAN).get("/api/reports/{id}", id).then()
                .body("stage", equalTo("DRAFTING"))
                .body("revisionCount", equalTo(0))
                .body("version", equalTo((int) saved));
        as(Accounts.XIANGAN).get("/api/reports/{id}/revisions", id).then().body("size()", equalTo(0));
    }
}
