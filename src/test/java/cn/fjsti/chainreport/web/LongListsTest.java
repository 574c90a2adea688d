package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Long lists a clerk gets through: the accounts found by name or code, role and region, page by page (bad
 * paging refused with 400); the city's batch approval (all or nothing: 404, 403, 409 write nothing); the
 * inbox's "mark all read"; and the paged page lists.
 */
@QuarkusTest
class LongListsTest {

    @Inject
    Database db;

    @Test
    void shouldFindAccountsPageByPageAndRefuseBadPaging() {
        String search = "/api/accounts/search";
        as(Accounts.ADMIN).queryParam("q", "海沧").get(search).then().statusCode(200)
                .body("items.username", hasItem(Accounts.HAICANG)).body("items.roleLabel", hasItem("县级科技局"));
        as(Accounts.ADMIN).queryParam("q", "35020").get(search).then().statusCode(200)
                .body("items.username", hasItem(Accounts.HAICANG)).body("items.regionCode", everyItem(startsWith("35020")));
        as(Accounts.ADMIN).queryParam("role", "CITY").queryParam("size", "100").get(search).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(10)).body("items.role", everyItem(equalTo("CITY")));
        as(Accounts.ADMIN).queryParam("region", Accounts.XIAMEN).get(search).then().statusCode(200)
                .body("items.username", hasItem(Accounts.XIAMEN)).body("items.regionCode", everyItem(equalTo(Accounts.XIAMEN)));
        // Every account once, five a page, in order; a page beyond the last shows the last.
        int total = as(Accounts.ADMIN).get(search).then().statusCode(200).body("size", equalTo(20)).extract().path("total");
        assertThat(total).isGreaterThan(90);
        as(Accounts.ADMIN).queryParam("size", "5").queryParam("page", "2").get(search).then().statusCode(200)
                .body("items", hasSize(5)).body("page", equalTo(2)).body("pages", equalTo((total + 4) / 5));
        as(Accounts.ADMIN).queryParam("size", "5").queryParam("page", "99999").get(search).then().statusCode(200)
                .body("page", equalTo((total + 4) / 5));
        for (Map<String, String> bad : List.of(Map.of("page", "0"), Map.of("page", "abc"), Map.of("page", "-1"), Map.of("size", "101"),
                Map.of("size", "0"), Map.of("role", "BOSS"), Map.of("q", "长".repeat(61)))) {
            db.assertWritesNothing(() -> as(Accounts.ADMIN).queryParams(bad).get(search).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("fields[0].field", equalTo(bad.keySet().iterator().next())));
        }
        as(Accounts.HAICANG).get(search).then().statusCode(403);
        as(Accounts.INSTITUTE).get(search).then().statusCode(403);
        // The page: found accounts only, a pager, and a readable refusal for bad paging.
        String html = as(Accounts.ADMIN).accept("text/html").queryParam("q", "海沧").get("/admin/accounts").then().statusCode(200).extract().asString();
        assertThat(html).contains("海沧区科技局").doesNotContain("湖里区科技局").contains("第 1 / 1 页");
        String paged = as(Accounts.ADMIN).accept("text/html").queryParam("role", "COUNTY").get("/admin/accounts").then().statusCode(200).extract().asString();
        assertThat(paged).contains("rel=\"next\"").contains("href=\"/admin/accounts?role=COUNTY&amp;page=2\"");
        as(Accounts.ADMIN).accept("text/html").queryParam("page", "x").get("/admin/accounts").then().statusCode(400)
                .contentType(startsWith("text/html")).body(containsString("页码须为 1 以上的整数"));
    }

    @Test
    void shouldApproveSeveralReportsAtOnceOrNone() {
        long campaign = Fixtures.openCampaign();
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, "批量甲产业链").get("批量甲产业链");
        long huli = Fixtures.declare(Accounts.HULI, campaign, "批量乙产业链").get("批量乙产业链");
        long xianganDraft = Fixtures.declare(Accounts.XIANGAN, campaign, "批量丙产业链").get("批量丙产业链");
        long minhou = Fixtures.declare(Accounts.MINHOU, campaign, "批量丁产业链").get("批量丁产业链");
        for (var e : Map.of(Accounts.HAICANG, haicang, Accounts.HULI, huli, Accounts.MINHOU, minhou).entrySet()) {
            Fixtures.fillAndSubmit(e.getKey(), e.getValue());
        }
        String batch = "/api/reports/approve";
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, xianganDraft))).post(batch)
                .then().statusCode(409).body("detail", containsString("翔安区的“批量丙产业链”（编写中）")));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, minhou))).post(batch)
                .then().statusCode(403).body("detail", containsString("闽侯县")));
        String ownChain = Fixtures.uniqueChain();
        long cityLed = ((Number) as(Accounts.XIAMEN).body(Map.of("chain", ownChain)).post("/api/campaigns/{id}/chains/city-led", campaign)
                .then().statusCode(201).extract().path("id")).longValue();
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, cityLed))).post(batch)
                .then().statusCode(403).body("detail", containsString("是本市自己编写的报告")));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, 999_999_999L))).post(batch)
                .then().statusCode(404));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of())).post(batch)
                .then().statusCode(400).body("fields[0].field", equalTo("reportIds")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("reportIds", List.of(haicang))).post(batch).then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.FUZHOU).body(Map.of("reportIds", List.of(haicang, huli))).post(batch).then().statusCode(403));

        as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(huli, haicang), "comment", "同意（批量）")).post(batch).then().statusCode(200)
                .body("stage", equalTo(List.of("APPROVED", "APPROVED"))).body("id", equalTo(List.of((int) haicang, (int) huli)));
        as(Accounts.HAICANG).get("/api/reports/{id}", haicang).then().body("reviews[0].comment", equalTo("同意（批量）"));
        as(Accounts.FUZHOU).get("/api/reports/{id}", minhou).then().body("stage", equalTo("UNDER_REVIEW"));
        // Approving again: no longer waiting.
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang))).post(batch).then().statusCode(409));

        // The county's inbox: all read at once, nobody else's touched.
        long fuzhouUnread = as(Accounts.FUZHOU).get("/api/notifications").then().extract().<Integer>path("unread");
        as(Accounts.HAICANG).get("/api/notifications").then().body("unread", org.hamcrest.Matchers.greaterThan(0));
        as(Accounts.HAICANG).accept("text/html").get("/inbox").then().statusCode(200).body(containsString("全部标为已读"));
        as(Accounts.HAICANG).post("/api/notifications/read-all").then().statusCode(200);
        as(Accounts.HAICANG).get("/api/notifications").then().body("unread", equalTo(0));
        as(Accounts.FUZHOU).get("/api/notifications").then().body("unread", equalTo((int) fuzhouUnread));
        as(Accounts.HAICANG).accept("text/html").queryParam("q", "批量甲").get("/inbox").then().statusCode(200)
                .body(containsString("批量甲产业链")).body(org.hamcrest.Matchers.not(containsString("全部标为已读")));
        as(Accounts.HAICANG).accept("text/html").queryParam("page", "0").get("/inbox").then().statusCode(400);
        // The city's queue, found by county.
        as(Accounts.FUZHOU).accept("text/html").queryParam("campaign", campaign).queryParam("q", "闽侯").get("/city").then().statusCode(200)
                .body(containsString("批量丁产业链")).body(containsString("通过选中的报告"));
        as(Accounts.FUZHOU).accept("text/html").queryParam("campaign", campaign).queryParam("q", "海沧").get("/city").then().statusCode(200)
                .body(containsString("没有符合条件的待审核报告"));
    }
}
