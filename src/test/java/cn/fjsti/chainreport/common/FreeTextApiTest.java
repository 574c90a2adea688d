package cn.fjsti.chainreport.common;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The one input rule through the public API, for every free-text field, with families of characters
 * ({@link FreeTextTest} has the families): refused input gets a 400 problem+json in Chinese that names the field,
 * the character and its place, and writes nothing; accepted input is stored normalised.
 */
@QuarkusTest
class FreeTextApiTest {

    @Inject
    Database db;

    private static String cp(int codePoint) {
        return new String(Character.toChars(codePoint));
    }

    /** A free-text field of the API: who sends it where, and how a text becomes the request body. */
    private record Field(String name, String account, String method, String path, String field, Function<String, Object> body) {
    }

    private List<Field> fields(long campaign, long draft, long mergeA, long mergeB, long submittedForComment) {
        String reports = "/api/reports/";
        return List.of(
                new Field("chain name", Accounts.HAICANG, "POST", "/api/campaigns/" + campaign + "/chains", "chains[0]",
                        t -> Map.of("chains", List.of(t + "产业链"))),
                new Field("city-led chain", Accounts.XIAMEN, "POST", "/api/campaigns/" + campaign + "/chains/city-led", "chain",
                        t -> Map.of("chain", t + "产业链")),
                new Field("campaign title", Accounts.ADMIN, "POST", "/api/campaigns", "title",
                        t -> Map.of("year", Fixtures.RESERVED_YEAR, "title", "调研" + t)),
                new Field("pilot chain", Accounts.ADMIN, "POST", "/api/campaigns", "pilots[0].chains[0]",
                        t -> Map.of("year", Fixtures.RESERVED_YEAR, "pilots",
                                List.of(Map.of("countyCode", Accounts.GUTIAN, "chains", List.of(t + "产业链"))))),
                new Field("merged chain name", Accounts.XIAMEN, "POST", "/api/campaigns/" + campaign + "/merges", "chain",
                        t -> Map.of("reportIds", List.of(mergeA, mergeB), "chain", "合并" + t)),
                new Field("review comment", Accounts.XIAMEN, "POST", reports + submittedForComment + "/return", "comment",
                        t -> Map.of("comment", "请补充" + t)),
                new Field("approval comment", Accounts.XIAMEN, "POST", reports + submittedForComment + "/approve", "comment",
                        t -> Map.of("comment", "同意" + t)),
                new Field("display name", Accounts.ADMIN, "POST", "/api/accounts", "displayName",
                        t -> Map.of("username", "freetext-1", "password", "Fujian#Chain2031", "role", "COUNTY",
                                "regionCode", Accounts.HULI, "displayName", "湖里" + t)),
                new Field("section text", Accounts.HAICANG, "PUT", reports + draft + "/draft", "sections.COUNTY_INDUSTRY",
                        t -> Map.of("version", Fixtures.version(Accounts.HAICANG, draft), "sections", Map.of("COUNTY_INDUSTRY", "正文" + t))),
                new Field("unit name", Accounts.HAICANG, "PUT", reports + draft + "/draft", "units[0].name",
                        t -> Map.of("version", Fixtures.version(Accounts.HAICANG, draft), "units", List.of(Map.of("name", "大学" + t)))),
                new Field("unit strength", Accounts.HAICANG, "PUT", reports + draft + "/draft", "units[0].strength",
                        t -> Map.of("version", Fixtures.version(Accounts.HAICANG, draft), "units", List.of(Map.of("strength", "材料" + t)))),
                new Field("unit contact", Accounts.HAICANG, "PUT", reports + draft + "/draft", "units[0].contact",
                        t -> Map.of("version", Fixtures.version(Accounts.HAICANG, draft), "units", List.of(Map.of("contact", "0592" + t)))));
    }

    @Test
    void shouldRefuseControlCharactersInEveryFreeTextNamingCharacterAndPlace() {
        long campaign = Fixtures.openCampaign();
        long draft = Fixtures.declare(Accounts.HAICANG, campaign, "海洋生物产业链").get("海洋生物产业链");
        long mergeA = Fixtures.approvedInXiamen(Accounts.HAICANG, campaign, "集成电路产业链");
        long mergeB = Fixtures.approvedInXiamen(Accounts.XIANGAN, campaign, "集成电路产业链");
        long toReview = Fixtures.declare(Accounts.HULI, campaign, "生物医药产业链").get("生物医药产业链");
        Fixtures.fillAndSubmit(Accounts.HULI, toReview);
        List<Integer> controls = List.of(0x00, 0x07, 0x1B, 0x7F, 0x80, 0x9B);
        SoftAssertions softly = new SoftAssertions();
        for (Field f : fields(campaign, draft, mergeA, mergeB, toReview)) {
            for (int c : controls) {
                String text = "甲" + cp(c) + "乙";
                db.assertWritesNothing(() -> {
                    var r = as(f.account()).body(f.body().apply(text)).request(f.method(), f.path());
                    softly.assertThat(r.statusCode()).as("%s U+%04X", f.name(), c).isEqualTo(400);
                    softly.assertThat(r.contentType()).as("%s U+%04X", f.name(), c).startsWith("application/problem+json");
                    softly.assertThat(r.jsonPath().getList("fields.field", String.class)).as("%s U+%04X", f.name(), c).contains(f.field());
                    softly.assertThat(r.jsonPath().getString("detail")).as("%s U+%04X", f.name(), c)
                            .contains(String.format("U+%04X", c)).contains("第 ");
                });
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseNamesThatAreEmptyInEveryKindOfSpace() {
        long campaign = Fixtures.openCampaign();
        List<String> blanks = new ArrayList<>();
        for (int space : FreeTextTest.SPACES) {
            blanks.add(cp(space).repeat(2));
        }
        blanks.add("\u200B\u200B");
        blanks.add("\u3000\u200D\u3000\uFEFF");
        blanks.add("\u2060\u00AD\u180E");
        SoftAssertions softly = new SoftAssertions();
        for (String blank : blanks) {
            db.assertWritesNothing(() -> {
                var r = as(Accounts.HAICANG).body(Map.of("chains", List.of(blank))).post("/api/campaigns/{c}/chains", campaign);
                softly.assertThat(r.statusCode()).as(escape(blank)).isEqualTo(400);
                softly.assertThat(r.jsonPath().getList("fields.field", String.class)).as(escape(blank)).contains("chains[0]");
                var city = as(Accounts.XIAMEN).body(Map.of("chain", blank)).post("/api/campaigns/{c}/chains/city-led", campaign);
                softly.assertThat(city.statusCode()).as("city-led " + escape(blank)).isEqualTo(400);
                var pilot = as(Accounts.ADMIN).body(Map.of("year", Fixtures.RESERVED_YEAR, "pilots",
                        List.of(Map.of("countyCode", Accounts.GUTIAN, "chains", List.of(blank))))).post("/api/campaigns");
                softly.assertThat(pilot.statusCode()).as("pilot " + escape(blank)).isEqualTo(400);
                var comment = as(Accounts.XIAMEN).body(Map.of("comment", blank)).post("/api/reports/{id}/return", 1);
                softly.assertThat(comment.statusCode()).as("return comment " + escape(blank)).isIn(400, 404);
            });
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseNamesThatNormalisationMakesTooLong() {
        long campaign = Fixtures.openCampaign();
        SoftAssertions softly = new SoftAssertions();
        for (int c : FreeTextTest.EXPANDING) {
            String expanded = java.text.Normalizer.normalize(cp(c), java.text.Normalizer.Form.NFKC);
            int each = expanded.codePointCount(0, expanded.length());
            if (each < 2) {
                continue;
            }
            String name = cp(c).repeat(Limits.CHAIN_NAME / each + 1);
            db.assertWritesNothing(() -> {
                ValidatableResponse r = as(Accounts.HAICANG).body(Map.of("chains", List.of(name)))
                        .post("/api/campaigns/{c}/chains", campaign).then();
                softly.assertThat(r.extract().statusCode()).as("U+%04X", c).isEqualTo(400);
                softly.assertThat(r.extract().jsonPath().getString("detail")).as("U+%04X", c).contains("不能超过 60 个字");
            });
        }
        // Texts other than names are NFC: the characters that it expands.
        for (int c : List.of(0x0958, 0x0344, 0x2ADC, 0xFB2C, 0x1D160)) {
            String expanded = java.text.Normalizer.normalize(cp(c), java.text.Normalizer.Form.NFC);
            int each = expanded.codePointCount(0, expanded.length());
            softly.assertThat(each).as("U+%04X expands", c).isGreaterThan(1);
            db.assertWritesNothing(() -> {
                var title = as(Accounts.ADMIN).body(Map.of("year", Fixtures.RESERVED_YEAR, "title", cp(c).repeat(Limits.CAMPAIGN_TITLE / each + 1)))
                        .post("/api/campaigns");
                softly.assertThat(title.statusCode()).as("title U+%04X", c).isEqualTo(400);
                softly.assertThat(title.jsonPath().getString("detail")).as("title U+%04X", c).contains("不能超过 200 个字");
            });
        }
        softly.assertAll();
    }

    @Test
    void shouldLetOneCountyDeclareOnlyOneOfFourNamesThatLookTheSame() {
        long campaign = Fixtures.openCampaign();
        List<String> lookalikes = List.of("智能装备产业链", "智能\u200B装备产业链", "智\u200D能装备\u2060产业链", "\uFEFF智能装备产业链\u200C");
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("chains", lookalikes)).post("/api/campaigns/{c}/chains", campaign)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("fields.field", hasItem("chains[1]")).body("fields.field", hasItem("chains[3]")));
        as(Accounts.HAICANG).body(Map.of("chains", List.of(lookalikes.get(2)))).post("/api/campaigns/{c}/chains", campaign)
                .then().statusCode(200).body("declaredChains.chain", hasItem("智能装备产业链"));
        SoftAssertions softly = new SoftAssertions();
        for (int c : FreeTextTest.INVISIBLE) {
            String name = "智能" + cp(c) + "装备产业链";
            db.assertWritesNothing(() -> softly.assertThat(as(Accounts.HAICANG).body(Map.of("chains", List.of(name)))
                    .post("/api/campaigns/{c}/chains", campaign).statusCode()).as("U+%04X", c).isEqualTo(409));
        }
        softly.assertAll();
    }

    @Test
    void shouldStoreTextsNormalised() {
        long campaign = Fixtures.openCampaign();
        as(Accounts.HAICANG).body(Map.of("chains", List.of("\u3000ＡＩ\u200B\u00A0\u00A0芯片产业链\u3000"))).post("/api/campaigns/{c}/chains", campaign)
                .then().statusCode(200).body("declaredChains.chain", hasItem("AI 芯片产业链"));
        long id = Fixtures.declare(Accounts.HAICANG, campaign, "海洋生物产业链").get("海洋生物产业链");
        long version = Fixtures.version(Accounts.HAICANG, id);
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("COUNTY_INDUSTRY", "第一段\r\n第二段\u000B第三段\u2028第四段（亿元）");
        as(Accounts.HAICANG).body(Map.of("version", version, "sections", sections,
                        "units", List.of(Map.of("name", "\u200B厦门\u00A0大学\u200E", "strength", "材料\r\n器件"))))
                .put("/api/reports/{id}/draft", id).then().statusCode(200)
                .body("sections.COUNTY_INDUSTRY", equalTo("第一段\n第二段\n第三段\n第四段（亿元）"))
                .body("units[0].name", equalTo("厦门 大学")).body("units[0].strength", equalTo("材料\n器件"));
        as(Accounts.ADMIN).body(Map.of("year", Fixtures.freshYear(), "title", "\u202E2031年度\u3000调研\u200B"))
                .post("/api/campaigns").then().statusCode(201).body("title", equalTo("2031年度 调研"));
    }

    @Test
    void shouldNameTheRuleInTheMessage() {
        long campaign = Fixtures.sharedCampaign();
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("chains", List.of("链".repeat(61))))
                .post("/api/campaigns/{c}/chains", campaign).then().statusCode(400)
                .body("detail", containsString("产业链名称不能超过 60 个字")));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString();
    }
}
