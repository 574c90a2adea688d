package cn.fjsti.chainreport.support;

import static cn.fjsti.chainreport.support.Api.as;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds campaigns and reports through the public API, each test with its own. */
public final class Fixtures {

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2030);
    private static final AtomicInteger NEXT_CHAIN = new AtomicInteger(1);
    private static volatile Long sharedCampaign;

    private Fixtures() {
    }

    /** A valid year no campaign ever gets: for requests that must be refused for another reason. */
    public static final int RESERVED_YEAR = 2200;

    /** A campaign year no test has used yet in this run. */
    public static int freshYear() {
        int year = NEXT_YEAR.getAndIncrement();
        if (year >= RESERVED_YEAR) {
            throw new IllegalStateException("the tests have used up the campaign years 2030-2199");
        }
        return year;
    }

    /** Opens a new campaign with 古田县 as pilot county for 锂电新能源产业链; returns its id. */
    public static long openCampaign() {
        return ((Number) as(Accounts.ADMIN)
                .body(Map.of("year", freshYear(), "pilots",
                        List.of(Map.of("countyCode", Accounts.GUTIAN, "chains", List.of("锂电新能源产业链")))))
                .post("/api/campaigns")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** One campaign shared by tests that only need somewhere to put their own reports. */
    public static synchronized long sharedCampaign() {
        if (sharedCampaign == null) {
            sharedCampaign = openCampaign();
        }
        return sharedCampaign;
    }

    /** A chain name no other test uses. */
    public static String uniqueChain() {
        return "测试" + NEXT_CHAIN.getAndIncrement() + "号产业链";
    }

    /** Declares a fresh chain for the county in the shared campaign; returns the new report's id. */
    public static long newReport(String county) {
        return newReport(county, uniqueChain());
    }

    /** A report on a named chain in the shared campaign: give each test its own chain name, or use its own campaign. */
    public static long newReport(String county, String chain) {
        List<Map<String, Object>> declared = as(county).body(Map.of("chains", List.of(chain)))
                .post("/api/campaigns/{id}/chains", sharedCampaign())
                .then().statusCode(200)
                .extract().path("declaredChains");
        return declared.stream().filter(d -> chain.equals(d.get("chain")))
                .map(d -> ((Number) d.get("reportId")).longValue()).findFirst().orElseThrow();
    }

    /** A county of 厦门市 declares the chain, fills and submits its report, and 厦门市 approves it; returns its id. */
    public static long approvedInXiamen(String county, long campaign, String chain) {
        long id = declare(county, campaign, chain).get(chain);
        fillAndSubmit(county, id);
        approve(Accounts.XIAMEN, id);
        return id;
    }

    /** Declares chains for a county in a campaign; returns the new reports' ids by chain name. */
    public static Map<String, Long> declare(String county, long campaign, String... chains) {
        List<Map<String, Object>> declared = as(county).body(Map.of("chains", List.of(chains)))
                .post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200)
                .extract().path("declaredChains");
        Map<String, Long> ids = new LinkedHashMap<>();
        declared.forEach(d -> ids.put((String) d.get("chain"), ((Number) d.get("reportId")).longValue()));
        return ids;
    }

    /** The city approves a submitted report. */
    public static void approve(String city, long reportId) {
        as(city).body(Map.of()).post("/api/reports/{id}/approve", reportId).then().statusCode(200)
                .body("stage", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    public static long version(String account, long reportId) {
        return ((Number) as(account).get("/api/reports/{id}", reportId).then().statusCode(200)
                .extract().path("version")).longValue();
    }

    /** Every section filled and one unit: a report that may be submitted. */
    public static Map<String, Object> completeDraft(long version) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("COUNTY_INDUSTRY", "全县规上企业 42 家，2025 年产值 310 亿元。");
        sections.put("COUNTY_TECHNOLOGY", "关键装备依赖进口，检测能力不足。");
        sections.put("DOMESTIC_INDUSTRY", "国内产业规模持续扩大，长三角、珠三角集聚明显。");
        sections.put("DOMESTIC_TECHNOLOGY", "高端材料与核心工艺仍是瓶颈。");
        sections.put("DOMESTIC_TRENDS", "向绿色化、智能化、高端化发展。");
        sections.put("INDUSTRY_MEASURES", "强链补链，培育链主企业。");
        sections.put("INNOVATION_DIRECTIONS", "攻关高效制备工艺与在线检测技术。");
        sections.put("UNITS_NOTE", "");
        return Map.of("version", version, "sections", sections,
                "units", List.of(Map.of("name", "福建农林大学", "kind", "UNIVERSITY", "strength", "菌种选育与栽培", "contact", "0591-83789000")));
    }

    /** Fills and submits a report as its county; returns the version after submission. */
    public static long fillAndSubmit(String county, long reportId) {
        long version = version(county, reportId);
        long saved = ((Number) as(county).body(completeDraft(version)).put("/api/reports/{id}/draft", reportId)
                .then().statusCode(200).extract().path("version")).longValue();
        return ((Number) as(county).body(Map.of("version", saved)).post("/api/reports/{id}/submit", reportId)
                .then().statusCode(200).extract().path("version")).longValue();
    }
}
