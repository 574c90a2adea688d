package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Names, not codes: every page of every role, in a season with returns, a merge, a city-led report and a
 * returned package, is scanned for a bare region code (six digits, or PTZ), a report's database number
 * ("编号 9") and a role's English name in what a person reads (text, titles, aria labels). Codes are allowed
 * only where a clerk needs them, marked {@code class="code"} (the account list, the region drop-down).
 */
@QuarkusTest
class PageNamesTest {

    /** What a person reads of a page: text and the labels read aloud or shown on hover, without code cells. */
    static String visibleText(String html) {
        String s = html.replaceAll("(?is)<(script|style|template)\\b.*?</\\1>", " ")
                .replaceAll("(?is)<([a-z]+)[^>]*\\bclass=\"[^\"]*\\bcode\\b[^\"]*\"[^>]*>[^<]*</\\1>", " ");
        StringBuilder out = new StringBuilder();
        Matcher labels = Pattern.compile("(?i)\\b(?:title|aria-label|alt|placeholder)=\"([^\"]*)\"").matcher(s);
        while (labels.find()) {
            out.append(labels.group(1)).append('\n');
        }
        out.append(s.replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'"));
        return out.toString();
    }

    private static final Pattern CODE = Pattern.compile("(?<![0-9A-Za-z])(?:[0-9]{6}|PTZ)(?![0-9A-Za-z])|编号\\s*[0-9]+"
            + "|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"
            + "|\\b(?:COUNTY|CITY|INSTITUTE|ADMIN|DRAFTING|UNDER_REVIEW|APPROVED|RETURNED|MERGED)\\b");

    static List<String> codesIn(String html) {
        List<String> found = new ArrayList<>();
        String text = visibleText(html);
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 25);
            int to = Math.min(text.length(), m.end() + 25);
            found.add(m.group() + " in «" + text.substring(from, to).replaceAll("\\s+", " ") + "»");
        }
        return found;
    }

    @Test
    void shouldShowNamesNotCodesOnEveryPageOfEveryRole() {
        long campaign = Fixtures.openCampaign();
        // 厦门: two districts on one chain, one returned once, both approved, merged under a name that repeats the city's.
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, "集成电路产业链").get("集成电路产业链");
        long huli = Fixtures.declare(Accounts.HULI, campaign, "集成电路产业链").get("集成电路产业链");
        Fixtures.fillAndSubmit(Accounts.HAICANG, haicang);
        as(Accounts.XIAMEN).body(Map.of("comment", "请补充2025年产值")).post("/api/reports/{id}/return", haicang).then().statusCode(200);
        Fixtures.fillAndSubmit(Accounts.HAICANG, haicang);
        Fixtures.approve(Accounts.XIAMEN, haicang);
        Fixtures.approvedInXiamen(Accounts.HULI, campaign, "新材料产业链");
        Fixtures.fillAndSubmit(Accounts.HULI, huli);
        Fixtures.approve(Accounts.XIAMEN, huli);
        long merged = ((Number) as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, huli), "chain", "厦门市集成电路产业链"))
                .post("/api/campaigns/{c}/merges", campaign).then().statusCode(201).extract().path("consolidatedReportId")).longValue();
        long cityLed = ((Number) as(Accounts.XIAMEN).body(Map.of("chain", "海洋经济产业链"))
                .post("/api/campaigns/{c}/chains/city-led", campaign).then().statusCode(201).extract().path("id")).longValue();
        // 平潭: its only county approved, sent, returned by the institute.
        long pingtan = Fixtures.declare(Accounts.PINGTAN, campaign, "海洋渔业产业链").get("海洋渔业产业链");
        Fixtures.fillAndSubmit(Accounts.PINGTAN, pingtan);
        Fixtures.approve(Accounts.PINGTAN_ZONE, pingtan);
        String ptz = "/api/campaigns/" + campaign + "/packages/PTZ";
        as(Accounts.PINGTAN_ZONE).post(ptz + "/send").then().statusCode(200);
        as(Accounts.INSTITUTE).body(Map.of("comment", "请补充优势单位联系方式（电话）")).post(ptz + "/return").then().statusCode(200);

        String q = "?campaign=" + campaign;
        Map<String, List<String>> pages = new LinkedHashMap<>();
        List<String> reportPages = new ArrayList<>();
        for (long id : List.of(haicang, merged, cityLed)) {
            reportPages.addAll(List.of("/reports/" + id, "/reports/" + id + "/history", "/reports/" + id + "/process",
                    "/reports/" + id + "/print"));
        }
        pages.put(Accounts.HAICANG, concat(List.of("/county" + q, "/inbox", "/help", "/reports/" + pingtan, "/no-such-page"),
                List.of("/reports/" + haicang, "/reports/" + haicang + "/history", "/reports/" + haicang + "/process",
                        "/reports/" + merged, "/reports/" + merged + "/print")));
        pages.put(Accounts.XIAMEN, concat(List.of("/city" + q, "/packages/350200" + q, "/inbox", "/help",
                "/city/merge?ids=" + haicang + "," + huli, "/packages/PTZ" + q), reportPages));
        pages.put(Accounts.PINGTAN_ZONE, List.of("/city" + q, "/packages/PTZ" + q, "/inbox", "/reports/" + pingtan));
        pages.put(Accounts.INSTITUTE, concat(List.of("/institute" + q, "/packages/PTZ" + q, "/packages/350200" + q, "/inbox", "/help"),
                reportPages));
        pages.put(Accounts.ADMIN, List.of("/admin", "/admin/accounts", "/institute" + q, "/inbox", "/help"));

        SoftAssertions softly = new SoftAssertions();
        for (var e : pages.entrySet()) {
            for (String path : e.getValue()) {
                Response r = as(e.getKey()).accept("text/html").get(path);
                softly.assertThat(r.contentType()).as(path).startsWith("text/html");
                softly.assertThat(codesIn(r.asString())).as("codes on " + path + " as " + e.getKey() + " (" + r.statusCode() + ")").isEmpty();
            }
        }
        // A member county reads the merged report (read-only), titled once with the city's name.
        String mergedPage = as(Accounts.HAICANG).accept("text/html").get("/reports/" + merged).then().statusCode(200).extract().asString();
        softly.assertThat(mergedPage).contains("厦门市集成电路产业创新链调研报告").doesNotContain("厦门市厦门市").doesNotContain("id=\"report-editor\"");
        softly.assertAll();
        // The scanner itself finds what it must.
        assertThat(codesIn("<p>提交人 350205</p>")).hasSize(1);
        assertThat(codesIn("<p>合并到市级报告（编号 9）</p>")).hasSize(1);
        assertThat(codesIn("<td>COUNTY</td>")).hasSize(1);
        assertThat(codesIn("<p>截止 2026-10-31T23:59:59+08:00</p>")).hasSize(1);
        assertThat(codesIn("<p title=\"PTZ\">平潭</p>")).hasSize(1);
        assertThat(codesIn("<td><span class=\"code\">350205</span></td><script>var a = 350205;</script>")).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
