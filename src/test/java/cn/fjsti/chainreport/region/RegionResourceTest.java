package cn.fjsti.chainreport.region;

import static cn.fjsti.chainreport.support.Api.anonymous;
import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.fjsti.chainreport.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionResourceTest {

    @Test
    void shouldListAllRegionsFromTheReferenceData() {
        as(Accounts.HAICANG).get("/api/regions").then().statusCode(200)
                .body("", hasSize(95))
                .body("findAll { it.draftingCounty }", hasSize(83));
    }

    @Test
    void shouldListTheTenReviewUnits() {
        as(Accounts.HAICANG).get("/api/regions/review-units").then().statusCode(200)
                .body("", hasSize(10))
                .body("code", hasItems("350100", "350200", "PTZ"))
                .body("code", not(hasItems("350000")));
    }

    @Test
    void shouldListTheCountiesAUnitReviews() {
        as(Accounts.FUZHOU).get("/api/regions?reviewUnit=350100").then().statusCode(200)
                .body("", hasSize(12))
                .body("code", not(hasItems("350128")));
        as(Accounts.PINGTAN_ZONE).get("/api/regions?reviewUnit=PTZ").then().statusCode(200)
                .body("code", equalTo(java.util.List.of("350128")));
    }

    @Test
    void shouldShowOneRegion() {
        as(Accounts.HAICANG).get("/api/regions/350205").then().statusCode(200)
                .body("name", equalTo("海沧区"))
                .body("reviewUnit", equalTo("350200"))
                .body("levelLabel", equalTo("市辖区"));
    }

    @Test
    void shouldNotFindAnUnknownRegion() {
        as(Accounts.HAICANG).get("/api/regions/999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("没有代码为 999999 的地区"));
    }

    @Test
    void shouldRefuseAnonymousCallers() {
        anonymous().get("/api/regions").then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("请先登录"));
    }
}
