package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge wizard shows the counties' texts side by side as a reader reads them: tables and figures named, not coded. */
@QuarkusTest
class MergePageTest {

    @Test
    void theSideBySideTextsNameTablesByTheirCaptionNotByTheirMarker() {
        long campaign = Fixtures.openCampaign();
        String chain = Fixtures.uniqueChain();
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, chain).get(chain);
        long version = Fixtures.version(Accounts.HAICANG, haicang);
        as(Accounts.HAICANG).body(Fixtures.completeDraft(version)).put("/api/reports/{id}/draft", haicang).then().statusCode(200);
        long table = ((Number) as(Accounts.HAICANG).body(Map.of("version", version + 1, "section", "COUNTY_INDUSTRY",
                        "caption", "海沧区产值", "rows", List.of(List.of("年份", "产值"), List.of("2025", "310"))))
                .post("/api/reports/{id}/exhibits/tables", haicang).then().statusCode(200).extract().path("exhibit.id")).longValue();
        as(Accounts.HAICANG).body(Map.of("version", version + 2)).post("/api/reports/{id}/submit", haicang).then().statusCode(200);
        Fixtures.approve(Accounts.XIAMEN, haicang);
        long huli = Fixtures.approvedInXiamen(Accounts.HULI, campaign, chain);

        String page = as(Accounts.XIAMEN).accept("text/html").get("/city/merge?ids=" + haicang + "," + huli)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("［表（编号 " + table + "）：海沧区产值］").doesNotContain("〔表:");
    }
}
