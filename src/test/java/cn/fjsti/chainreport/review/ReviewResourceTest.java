package cn.fjsti.chainreport.review;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewResourceTest {

    @Inject
    Database db;

    @Test
    void shouldRequireACommentToReturn() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HAICANG, id);
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("comment", "  ")).post("/api/reports/{id}/return", id)
                .then().statusCode(400).body("fields[0].field", equalTo("comment")).body("fields[0].message", equalTo("退回时请填写修改意见")));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).post("/api/reports/{id}/return", id).then().statusCode(400));
        // No comment at all: one thing to fix, said once (two rules of the field say the same).
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/return", id).then().statusCode(400)
                .body("fields", org.hamcrest.Matchers.hasSize(1)).body("detail", equalTo("退回时请填写修改意见")));
    }

    @Test
    void shouldLetOnlyTheCountysOwnCityReview() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HAICANG, id);
        for (String other : List.of(Accounts.FUZHOU, Accounts.PINGTAN_ZONE, Accounts.HAICANG, Accounts.INSTITUTE, Accounts.ADMIN)) {
            db.assertWritesNothing(() -> as(other).body(Map.of()).post("/api/reports/{id}/approve", id).then().statusCode(403)
                    .contentType("application/problem+json"));
            db.assertWritesNothing(() -> as(other).body(Map.of("comment", "退回")).post("/api/reports/{id}/return", id).then().statusCode(403));
        }
        Fixtures.approve(Accounts.XIAMEN, id);
    }

    @Test
    void shouldRefuseToReviewAReportThatIsNotWaitingForReview() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/approve", id).then().statusCode(409)
                .body("detail", equalTo("报告当前处于“编写中”阶段，不在待审核状态")));
        Fixtures.fillAndSubmit(Accounts.HAICANG, id);
        Fixtures.approve(Accounts.XIAMEN, id);
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("comment", "再退回")).post("/api/reports/{id}/return", id)
                .then().statusCode(409));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/987654/approve").then().statusCode(404));
    }

    @Test
    void shouldKeepEveryRoundOfComments() {
        long id = Fixtures.newReport(Accounts.HULI);
        Fixtures.fillAndSubmit(Accounts.HULI, id);
        as(Accounts.XIAMEN).body(Map.of("comment", "第一轮意见")).post("/api/reports/{id}/return", id).then().statusCode(200);
        long v = Fixtures.version(Accounts.HULI, id);
        as(Accounts.HULI).body(Map.of("version", v)).post("/api/reports/{id}/submit", id).then().statusCode(200);
        as(Accounts.XIAMEN).body(Map.of("comment", "第二轮意见")).post("/api/reports/{id}/return", id).then().statusCode(200);
        as(Accounts.HULI).body(Map.of("version", Fixtures.version(Accounts.HULI, id))).post("/api/reports/{id}/submit", id).then().statusCode(200);
        as(Accounts.XIAMEN).body(Map.of("comment", "同意")).post("/api/reports/{id}/approve", id).then().statusCode(200)
                .body("reviews.comment", equalTo(List.of("第一轮意见", "第二轮意见", "同意")))
                .body("reviews.revision", equalTo(List.of(1, 2, 3)))
                .body("reviews.actor", equalTo(List.of(Accounts.XIAMEN, Accounts.XIAMEN, Accounts.XIAMEN)));
        as(Accounts.HULI).get("/api/reports/{id}/revisions", id).then().body("size()", equalTo(3));
    }

    @Test
    void shouldAnswerOnlyTheNewStateWhenTheReviewPagePrefersAMinimalAnswer() {
        long returned = Fixtures.newReport(Accounts.HULI);
        Fixtures.fillAndSubmit(Accounts.HULI, returned);
        as(Accounts.XIAMEN).header("Prefer", "return=minimal").body(Map.of("comment", "请补充数据"))
                .post("/api/reports/{id}/return", returned).then().statusCode(200)
                .header("Preference-Applied", "return=minimal")
                .body("id", equalTo((int) returned)).body("stage", equalTo("RETURNED")).body("reviews", nullValue());
        long single = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HAICANG, single);
        as(Accounts.XIAMEN).header("Prefer", "return=minimal").body(Map.of())
                .post("/api/reports/{id}/approve", single).then().statusCode(200)
                .header("Preference-Applied", "return=minimal")
                .body("stage", equalTo("APPROVED")).body("editable", equalTo(false)).body("outline", nullValue());
        long first = Fixtures.newReport(Accounts.HULI);
        long second = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HULI, first);
        Fixtures.fillAndSubmit(Accounts.HAICANG, second);
        as(Accounts.XIAMEN).header("Prefer", "return=minimal").body(Map.of("reportIds", List.of(second, first), "comment", "同意"))
                .post("/api/reports/approve").then().statusCode(200)
                .header("Preference-Applied", "return=minimal")
                .body("id", equalTo(List.of((int) Math.min(first, second), (int) Math.max(first, second))))
                .body("stage", equalTo(List.of("APPROVED", "APPROVED"))).body("[0].sections", nullValue());
        // The whole report, as before, for a client that does not ask; the decision stands either way.
        as(Accounts.HULI).get("/api/reports/{id}", first).then().statusCode(200)
                .body("stage", equalTo("APPROVED")).body("reviews.comment", equalTo(List.of("同意")));
        // The minimal answer is no way around the scoping: another city is refused as before.
        long other = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HAICANG, other);
        db.assertWritesNothing(() -> as(Accounts.FUZHOU).header("Prefer", "return=minimal").body(Map.of())
                .post("/api/reports/{id}/approve", other).then().statusCode(403).contentType("application/problem+json"));
    }
}
