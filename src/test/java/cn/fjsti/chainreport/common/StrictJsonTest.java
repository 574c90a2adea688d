package cn.fjsti.chainreport.common;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A field given twice would keep one of the two texts and drop the other without a word; text after the JSON
 * value would be ignored. Both are refused with 400, naming the field, on every endpoint, and nothing is written.
 */
@QuarkusTest
class StrictJsonTest {

    @Inject
    Database db;

    @Test
    void shouldRefuseADuplicateSectionInADraftNamingIt() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        long version = Fixtures.version(Accounts.HAICANG, report);
        String body = "{\"version\":" + version + ",\"sections\":{\"COUNTY_INDUSTRY\":\"第一稿：全县规上企业 42 家。\","
                + "\"COUNTY_INDUSTRY\":\"第二稿\"}}";
        refused(as(Accounts.HAICANG), "PUT", "/api/reports/" + report + "/draft", body, "sections.COUNTY_INDUSTRY");
    }

    @Test
    void shouldRefuseADuplicateTopLevelFieldOnEveryKindOfRequest() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        long version = Fixtures.version(Accounts.HAICANG, report);
        refused(as(Accounts.HAICANG), "PUT", "/api/reports/" + report + "/draft",
                "{\"version\":" + version + ",\"version\":" + version + "}", "version");
        refused(as(Accounts.HAICANG), "POST", "/api/campaigns/" + Fixtures.sharedCampaign() + "/chains",
                "{\"chains\":[\"" + Fixtures.uniqueChain() + "\"],\"chains\":[\"" + Fixtures.uniqueChain() + "\"]}", "chains");
        refused(as(Accounts.ADMIN), "POST", "/api/campaigns",
                "{\"year\":" + Fixtures.RESERVED_YEAR + ",\"year\":" + Fixtures.RESERVED_YEAR + "}", "year");
        long submitted = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HAICANG, submitted);
        refused(as(Accounts.XIAMEN), "POST", "/api/reports/" + submitted + "/return",
                "{\"comment\":\"请补充产值数据\",\"comment\":\"\"}", "comment");
    }

    @Test
    void shouldNameADuplicateFieldInsideAnArray() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        long version = Fixtures.version(Accounts.HAICANG, report);
        refused(as(Accounts.HAICANG), "PUT", "/api/reports/" + report + "/draft",
                "{\"version\":" + version + ",\"units\":[{\"name\":\"厦门大学\"},{\"name\":\"甲\",\"name\":\"乙\"}]}", "units[1].name");
    }

    @Test
    void shouldRefuseAnythingAfterTheJsonValue() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        long version = Fixtures.version(Accounts.HAICANG, report);
        String draft = "{\"version\":" + version + ",\"sections\":{\"COUNTY_INDUSTRY\":\"正文\"}}";
        refused(as(Accounts.HAICANG), "PUT", "/api/reports/" + report + "/draft", draft + " garbage", "body");
        refused(as(Accounts.HAICANG), "PUT", "/api/reports/" + report + "/draft", draft + draft, "body");
        refused(as(Accounts.HAICANG), "PUT", "/api/reports/" + report + "/draft", draft + "]", "body");
        refused(as(Accounts.HAICANG), "POST", "/api/campaigns/" + Fixtures.sharedCampaign() + "/chains",
                "{\"chains\":[\"" + Fixtures.uniqueChain() + "\"]} {\"chains\":[]}", "body");
        refused(as(Accounts.ADMIN), "POST", "/api/campaigns", "{\"year\":" + Fixtures.RESERVED_YEAR + "} 1", "body");
        long submitted = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HAICANG, submitted);
        refused(as(Accounts.XIAMEN), "POST", "/api/reports/" + submitted + "/approve", "{} null", "body");
    }

    private void refused(RequestSpecification request, String method, String path, String body, String field) {
        db.assertWritesNothing(() -> request.body(body.getBytes(StandardCharsets.UTF_8)).request(method, path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString(field.equals("body") ? "多余" : field))
                .body("fields.field", hasItem(field)));
    }
}
