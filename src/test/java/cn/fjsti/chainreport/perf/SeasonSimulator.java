package cn.fjsti.chainreport.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The season simulator: starts the packaged service on a fresh database and drives a whole season over
 * HTTP, as the clerks would, with content of realistic length; then a load phase (concurrent users saving
 * drafts and reading pages) and the bare-engine baseline in the same service. Prints and writes
 * (target/perf/SIZE.json) wall time, requests per second, latency percentiles per kind of request, start-up
 * time, RSS, database size and the error count. See docs/benchmarks.md.
 *
 * <pre>
 * ./mvnw -q package -DskipTests && ./mvnw -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.fjsti.chainreport.perf.SeasonSimulator -Dexec.args="--size=province"
 * </pre>
 * Options: --size=smoke|province|national, --threads=N (8), --load=SECONDS (30; 0 skips it),
 * --users=N (50), --think=MS (1500: a user's pause between two actions, as autosave waits 1.5 s after
 * typing; 0 makes every user a busy loop), --jvm="JVM options for the service", --jar=PATH,
 * --jdbc=URL (an empty database of the kind the jar was built for; default a fresh H2 file; credentials
 * from QUARKUS_DATASOURCE_USERNAME/_PASSWORD as for the service), --rush=ROUNDS (0: the deadline-day rush, off),
 * --rush-clients=N (20), --rush-auth=cookie|basic|both (cookie), --views=N (0: timed requests of the pages people
 * wait for, after the season), --rush-only (no season, no load: the counties and units log in, then the rush),
 * --settle=SECONDS (0: at the very end, no request for this long, then the H2 file's size again: the service compacts
 * the file once it has been quiet for chainreport.h2-compaction.quiet, 60 s by default).
 */
public final class SeasonSimulator {

    /** How big a season: the regions, and how long the texts are. */
    public record Size(String name, int units, int countiesPerUnit, int sectionChars) {
        boolean fujian() {
            return name.equals("province");
        }
    }

    static final Map<String, Size> SIZES = Map.of(
            "smoke", new Size("smoke", 3, 4, 600),
            "province", new Size("province", 10, 0, 2500),
            "national", new Size("national", 333, 0, 2500));

    /** What the simulator is told to do. */
    public record Options(Size size, int threads, int loadSeconds, int users, int thinkMillis, String jvm, Path jar, Path out,
                          String jdbcUrl, int rushRounds, int rushClients, String rushAuth, int views, boolean rushOnly,
                          int settleSeconds) {
        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                a.put(kv[0], kv.length > 1 ? kv[1] : "true");
            }
            Size size = SIZES.get(a.getOrDefault("size", "province"));
            if (size == null) {
                throw new IllegalArgumentException("--size must be smoke, province or national");
            }
            return new Options(size, Integer.parseInt(a.getOrDefault("threads", "8")),
                    Integer.parseInt(a.getOrDefault("load", "30")), Integer.parseInt(a.getOrDefault("users", "50")),
                    Integer.parseInt(a.getOrDefault("think", "1500")),
                    a.getOrDefault("jvm", ""), Paths.get(a.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")),
                    Paths.get(a.getOrDefault("out", "target/perf")), a.get("jdbc"),
                    Integer.parseInt(a.getOrDefault("rush", "0")), Integer.parseInt(a.getOrDefault("rush-clients", "20")),
                    rushAuth(a.getOrDefault("rush-auth", "cookie")), Integer.parseInt(a.getOrDefault("views", "0")),
                    Boolean.parseBoolean(a.getOrDefault("rush-only", "false")), Integer.parseInt(a.getOrDefault("settle", "0")));
        }

        private static String rushAuth(String value) {
            if (!List.of("cookie", "basic", "both").contains(value)) {
                throw new IllegalArgumentException("--rush-auth must be cookie, basic or both");
            }
            return value;
        }

        List<String> rushAuths() {
            return rushAuth.equals("both") ? List.of("cookie", "basic") : List.of(rushAuth);
        }
    }

    /** The outcome, as printed and written to JSON. */
    public record Result(String size, int counties, int units, int reports, int mergedReports, long requests,
                         double wallSeconds, double requestsPerSecond, long errors, List<String> errorSamples,
                         double startSeconds, long rssAfterStartMb, long rssAfterSeasonMb, long peakRssMb,
                         long databaseMb, double serviceMsPerReport, double bareEngineMsPerReport,
                         double overheadRatio, double wallMsPerReport, double wallRatio,
                         int stepReports, double stepMsPerReport, double stepRatio, double stepAllInMsPerReport,
                         double serviceCpuSeconds, double simulatorCpuSeconds, List<Long> liveHeapMb,
                         Map<String, Map<String, Double>> latencies,
                         Map<String, Map<String, Double>> load, long loadErrors,
                         double serviceWrittenMbSeason, double serviceWrittenMbLoad, long databaseMbAfterSeason,
                         Map<String, Map<String, Double>> views, long viewErrors, List<Rush> rush, long databaseMbSettled) {
    }

    /**
     * One deadline-day rush ({@code --rush}): every county declares one chain on a fresh campaign, then in each round
     * saves its report twice and submits it, {@code clients} at once; the city returns every report between rounds.
     * Submissions per second per round; latencies (ms) of declare, save and submit; the service's CPU per submission.
     */
    public record Rush(String auth, int counties, int clients, List<Double> submissionsPerSecond, double medianSubmissionsPerSecond,
                       Map<String, Map<String, Double>> latencies, double serviceCpuMsPerSubmission, long errors,
                       List<String> errorSamples) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "demo2026";
    private static final String[] CHAINS = {"茶产业链", "食用菌产业链", "锂电新能源产业链", "集成电路产业链", "纺织鞋服产业链",
        "石材产业链", "光伏产业链", "水产品加工产业链", "竹木加工产业链", "生物医药产业链", "新型功能材料产业链", "机械装备产业链",
        "电子信息产业链", "文旅康养产业链", "特色果蔬产业链", "数字经济产业链", "现代物流产业链", "汽车零部件产业链", "化工新材料产业链",
        "冶金建材产业链", "预制菜产业链", "工艺美术产业链", "海洋经济产业链", "节能环保产业链"};
    private static final String PARAGRAPH = "本地区该产业链以龙头企业为牵引，上下游配套逐步完善，2025 年规上工业产值同比增长 8.6%，"
            + "研发投入强度达到 2.1%。关键装备与核心材料仍依赖外地供应，检测认证、中试验证等公共服务平台不足，"
            + "高层次人才引进难、留住难，产学研合作以短期项目为主，成果就地转化率不高。";

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    /** Accounts whose requests carry HTTP Basic credentials instead of their login cookie (the rush by a script). */
    private final java.util.Set<String> basicAccounts = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Queue errorSamples = new Queue();
    private String base;

    SeasonSimulator(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Result result = new SeasonSimulator(Options.parse(args)).run();
        long failed = result.errors() + result.loadErrors() + result.viewErrors()
                + result.rush().stream().mapToLong(Rush::errors).sum();
        if (failed > 0) {
            throw new IllegalStateException(failed + " requests failed; see the samples above");
        }
    }

    /**
     * The smallest season, for CI: 3 units of 4 counties, 5 s of load by 10 users.
     * @param jdbcUrl an empty database, or null for a fresh H2 file
     */
    public static Result smoke(Path jar, Path out, String jdbcUrl) throws Exception {
        return new SeasonSimulator(new Options(SIZES.get("smoke"), 4, 5, 10, 200, "-XX:+UseSerialGC -Xmx512m", jar, out, jdbcUrl,
                1, 4, "both", 1, false, 0)).run();
    }

    /** Runs the whole simulation against a freshly started service; the service is stopped afterwards. */
    public Result run() throws Exception {
        Path work = Files.createDirectories(options.out().resolve(options.size().name()));
        deleteDatabase(work);
        List<String> regionArgs = new ArrayList<>();
        if (!options.size().fujian()) {
            Path csv = work.resolve("regions.csv");
            Files.writeString(csv, syntheticRegions(options.size()));
            regionArgs.add("-Dchainreport.regions.resource=file:" + csv.toAbsolutePath());
        }
        int port = freePort();
        base = "http://localhost:" + port;
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        if (!options.jvm().isBlank()) {
            command.addAll(List.of(options.jvm().trim().split("\\s+")));
        }
        command.addAll(List.of("-Dquarkus.profile=demo", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + (options.jdbcUrl() != null ? options.jdbcUrl()
                        : "jdbc:h2:retry:file:" + work.toAbsolutePath().resolve("db/season") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;OPTIMIZE_REUSE_RESULTS=FALSE")));
        command.addAll(regionArgs);
        // The jar's path as given (relative to this directory by default), as the README's command gives it: a
        // class-data archive named in --jvm is used only for the path it was trained with.
        command.addAll(List.of("-jar", options.jar().toString()));
        long launched = System.nanoTime();
        Process service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile()).start();
        try {
            double startSeconds = waitUntilUp(service, launched);
            long rssAfterStart = rss(service.pid(), "VmRSS");
            log("service up in %.2f s, RSS %d MB (%s)", startSeconds, rssAfterStart, options.size().name());
            return season(service, work, startSeconds, rssAfterStart);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private Result season(Process service, Path work, double startSeconds, long rssAfterStart) throws Exception {
        login("admin");
        login("institute");
        List<JsonNode> units = list(get("admin", "/api/regions/review-units", "regions"));
        Map<String, List<String>> countiesByUnit = new LinkedHashMap<>();
        for (JsonNode unit : units) {
            String code = unit.get("code").asText();
            List<String> counties = new ArrayList<>();
            for (JsonNode c : get("admin", "/api/regions?reviewUnit=" + code, "regions")) {
                if (c.path("draftingCounty").asBoolean(false)) {
                    counties.add(c.get("code").asText());
                }
            }
            countiesByUnit.put(code, counties);
        }
        List<String> counties = countiesByUnit.values().stream().flatMap(List::stream).toList();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemon());

        if (options.rushOnly()) {
            return rushOnly(service, pool, countiesByUnit, counties);
        }

        long start = System.nanoTime();
        double serviceCpuBefore = cpuSeconds(service.pid());
        long writtenBefore = bytesWritten(service.pid());
        double simulatorCpuBefore = cpuSeconds(ProcessHandle.current().pid());
        int year = 2027;
        long campaign = post("admin", "/api/campaigns", Map.of("year", year), "openCampaign").get("id").asLong();

        // Counties: log in, declare 1 to 3 chains, draft each report in two saves, read it back, submit.
        Map<String, List<Long>> reportsByCounty = new ConcurrentHashMap<>();
        parallel(pool, counties, county -> {
            login(county);
            Random random = new Random(county.hashCode());
            List<String> chains = new ArrayList<>(List.of(CHAINS));
            Collections.shuffle(chains, random);
            int n = 1 + random.nextInt(3);
            JsonNode declared = post(county, "/api/campaigns/" + campaign + "/chains", Map.of("chains", chains.subList(0, n)), "declare");
            if (declared == null) {
                return;
            }
            List<Long> ids = new ArrayList<>();
            declared.get("declaredChains").forEach(d -> ids.add(d.get("reportId").asLong()));
            reportsByCounty.put(county, ids);
            for (long id : ids) {
                draftAndSubmit(county, id, random, "");
            }
        });
        int reports = reportsByCounty.values().stream().mapToInt(List::size).sum();
        // Live heap between the phases; the time it takes is left out of the season's wall time.
        List<Long> liveHeap = new ArrayList<>();
        long measuring = recordLiveHeap(service, liveHeap);
        log("%d counties declared %d reports and submitted them; live heap %d MB", counties.size(), reports, liveHeap.get(0));

        // Units: review (every fifth report returned once, fixed and resubmitted), merge duplicate chains,
        // submit the consolidated reports, send the package.
        Map<String, String> unitOfCounty = new LinkedHashMap<>();
        countiesByUnit.forEach((unit, list) -> list.forEach(c -> unitOfCounty.put(c, unit)));
        List<Long> merged = Collections.synchronizedList(new ArrayList<>());
        parallel(pool, new ArrayList<>(countiesByUnit.keySet()), unit -> {
            login(unit);
            for (String county : countiesByUnit.get(unit)) {
                for (long id : reportsByCounty.getOrDefault(county, List.of())) {
                    if (id % 5 == 0) {
                        post(unit, "/api/reports/" + id + "/return", Map.of("comment", "请补充近三年的产值数据和主要企业名单。"), "return");
                        long version = get(county, "/api/reports/" + id, "getReport").get("version").asLong();
                        long saved = put(county, "/api/reports/" + id + "/draft", Map.of("version", version,
                                "sections", Map.of("COUNTY_INDUSTRY", text(new Random(id), options.size().sectionChars()) + "（已补充数据）")),
                                "saveDraft").get("version").asLong();
                        post(county, "/api/reports/" + id + "/submit", Map.of("version", saved), "submit");
                    }
                    post(unit, "/api/reports/" + id + "/approve", Map.of(), "approve");
                }
            }
            for (JsonNode proposal : get(unit, "/api/campaigns/" + campaign + "/duplicates", "duplicates")) {
                List<Long> ids = new ArrayList<>();
                proposal.get("members").forEach(m -> ids.add(m.get("reportId").asLong()));
                JsonNode merge = post(unit, "/api/campaigns/" + campaign + "/merges", Map.of("reportIds", ids), "merge");
                if (merge == null) {
                    continue;
                }
                long consolidated = merge.get("consolidatedReportId").asLong();
                long version = get(unit, "/api/reports/" + consolidated, "getReport").get("version").asLong();
                post(unit, "/api/reports/" + consolidated + "/submit", Map.of("version", version), "submit");
                merged.add(consolidated);
            }
            post(unit, "/api/campaigns/" + campaign + "/packages/" + unit + "/send", null, "sendPackage");
        });
        measuring += recordLiveHeap(service, liveHeap);
        log("units reviewed, merged %d groups and sent their packages; live heap %d MB", merged.size(), liveHeap.get(1));

        // The institute: the board, then every package accepted.
        get("institute", "/api/campaigns/" + campaign + "/board", "board");
        parallel(pool, new ArrayList<>(countiesByUnit.keySet()), unit ->
                post("institute", "/api/campaigns/" + campaign + "/packages/" + unit + "/accept", Map.of(), "acceptPackage"));

        // Every document: each report, each unit's bundle, the board.
        List<Long> allReports = new ArrayList<>(merged);
        reportsByCounty.values().forEach(allReports::addAll);
        parallel(pool, allReports, id -> download("institute", "/api/reports/" + id + "/document", "reportDocx"));
        parallel(pool, new ArrayList<>(countiesByUnit.keySet()), unit ->
                download("institute", "/api/campaigns/" + campaign + "/packages/" + unit + "/bundle", "bundleDocx"));
        download("institute", "/api/campaigns/" + campaign + "/board/export", "boardXlsx");
        JsonNode board = get("institute", "/api/campaigns/" + campaign + "/board", "board");
        double wall = (System.nanoTime() - start - measuring) / 1e9;
        double serviceCpu = cpuSeconds(service.pid()) - serviceCpuBefore;
        long writtenAfterSeason = bytesWritten(service.pid());
        long dbMbAfterSeason = options.jdbcUrl() != null ? -1 : databaseMb(work);
        double simulatorCpu = cpuSeconds(ProcessHandle.current().pid()) - simulatorCpuBefore;
        recordLiveHeap(service, liveHeap);
        long seasonRequests = requests.get();
        if (board.get("unitsAccepted").asLong() != countiesByUnit.size()) {
            error("board: " + board.get("unitsAccepted").asLong() + " of " + countiesByUnit.size() + " units accepted");
        }
        long rssAfterSeason = rss(service.pid(), "VmRSS");
        log("season done in %.2f s, %d requests, %d errors, RSS %d MB; CPU: service %.1f s, simulator %.1f s; live heap %d MB",
                wall, seasonRequests, errors.get(), rssAfterSeason, serviceCpu, simulatorCpu, liveHeap.get(2));

        double serviceMs = serviceMillisPerReport(reports);
        Map<String, Map<String, Double>> season = percentiles(latencies);

        // The pages people wait for, on the season's campaign, one request at a time.
        latencies.clear();
        long viewErrorsBefore = errors.get();
        if (options.views() > 0) {
            views(campaign, countiesByUnit, reportsByCounty);
        }
        Map<String, Map<String, Double>> views = percentiles(latencies);
        long viewErrors = errors.get() - viewErrorsBefore;

        // Side by side: the same process steps one report at a time, over HTTP and on the bare engine, in four
        // alternating blocks, so that both see the machine as it is at the time (its speed drifts within a run).
        latencies.clear();
        long stepCampaign = post("admin", "/api/campaigns", Map.of("year", year + 2), "stepOpenCampaign").get("id").asLong();
        int stepCounties = Math.min(counties.size(), 40);
        // As many bare reports as the season had, up to 1,000: a time per report, and each request stays under its
        // timeout. Only a jar built with -Pbenchmark has the endpoint (docs/benchmarks.md); otherwise no baseline.
        int bareReports = Math.min(reports, 1000);
        int stepReports = 0;
        long bareNanos = 0;
        int bareDone = 0;
        boolean bareAvailable = true;
        for (int block = 0; block < STEP_BLOCKS; block++) {
            stepReports += steps(stepCampaign, counties, unitOfCounty, stepCounties * block / STEP_BLOCKS,
                    stepCounties * (block + 1) / STEP_BLOCKS);
            int bareBlock = bareReports * (block + 1) / STEP_BLOCKS - bareReports * block / STEP_BLOCKS;
            if (bareAvailable && bareBlock > 0) {
                JsonNode bare = bareEngine(bareBlock, bareReports * block / STEP_BLOCKS);
                if (bare == null) {
                    bareAvailable = false;
                } else {
                    bareNanos += bare.get("nanos").asLong();
                    bareDone += bare.get("reports").asInt();
                }
            }
        }
        double stepMs = millisPerReport(stepReports, STEP_KINDS);
        double stepAllInMs = millisPerReport(stepReports, latencies.keySet().stream().filter(k -> k.startsWith("step")).toList());
        double bareMs = bareAvailable && bareDone > 0 ? bareNanos / 1e6 / bareDone : Double.NaN;
        season.putAll(percentiles(latencies));
        long seasonErrors = errors.get();
        List<String> samples = errorSamples.list();

        // Load: users saving drafts and reading pages at the same time, on next year's campaign.
        latencies.clear();
        long loadErrorsBefore = errors.get();
        long writtenBeforeLoad = bytesWritten(service.pid());
        if (options.loadSeconds() > 0) {
            load(pool, counties, year + 1);
        }
        long writtenAfterLoad = bytesWritten(service.pid());
        Map<String, Map<String, Double>> load = percentiles(latencies);
        long loadErrors = errors.get() - loadErrorsBefore;
        pool.shutdown();

        // The deadline-day rush, on campaigns of its own (one per kind of credentials).
        List<Rush> rushes = new ArrayList<>();
        if (options.rushRounds() > 0) {
            int rushYear = year + 3;
            for (String auth : options.rushAuths()) {
                rushes.add(rush(service, counties, unitOfCounty, rushYear++, auth));
            }
        }

        long peak = rss(service.pid(), "VmHWM");
        // The H2 file's size; -1 for a database elsewhere (its server reports its own size).
        long dbMb = options.jdbcUrl() != null ? -1 : databaseMb(work);
        long dbMbSettled = -1;
        if (options.settleSeconds() > 0 && options.jdbcUrl() == null) {
            log("quiet for %d s, then the file again", options.settleSeconds());
            Thread.sleep(options.settleSeconds() * 1000L);
            dbMbSettled = databaseMb(work);
        }
        Result result = new Result(options.size().name(), counties.size(), countiesByUnit.size(), reports, merged.size(),
                seasonRequests, wall, seasonRequests / wall, seasonErrors, samples, startSeconds, rssAfterStart,
                rssAfterSeason, peak, dbMb, serviceMs, bareMs, serviceMs / bareMs, wall * 1000 / reports,
                wall * 1000 / reports / bareMs, stepReports, stepMs, stepMs / bareMs, stepAllInMs, serviceCpu, simulatorCpu,
                liveHeap, season, load, loadErrors, (writtenAfterSeason - writtenBefore) / 1e6,
                (writtenAfterLoad - writtenBeforeLoad) / 1e6, dbMbAfterSeason, views, viewErrors, rushes, dbMbSettled);
        print(result);
        Files.createDirectories(options.out());
        JSON.writerWithDefaultPrettyPrinter().writeValue(options.out().resolve(options.size().name() + ".json").toFile(), result);
        return result;
    }

    private void draftAndSubmit(String county, long id, Random random, String phase) {
        int chars = options.size().sectionChars();
        Map<String, Object> first = new LinkedHashMap<>();
        for (String s : List.of("COUNTY_INDUSTRY", "COUNTY_TECHNOLOGY", "DOMESTIC_INDUSTRY")) {
            first.put(s, text(random, chars));
        }
        // The clerk opens the report, then autosave sends the sections as they are written.
        JsonNode opened = get(county, "/api/reports/" + id, kind(phase, "getReport"));
        JsonNode saved = put(county, "/api/reports/" + id + "/draft", Map.of("version", opened == null ? 1 : opened.get("version").asLong(),
                "sections", first), kind(phase, "saveDraft"));
        Map<String, Object> rest = new LinkedHashMap<>();
        for (String s : List.of("DOMESTIC_TECHNOLOGY", "DOMESTIC_TRENDS", "INDUSTRY_MEASURES", "INNOVATION_DIRECTIONS")) {
            rest.put(s, text(random, chars));
        }
        List<Map<String, Object>> units = new ArrayList<>();
        int rows = 5 + random.nextInt(11);
        String[] kinds = {"ENTERPRISE", "UNIVERSITY", "INSTITUTE", "PLATFORM", "TEAM"};
        for (int i = 0; i < rows; i++) {
            units.add(Map.of("name", "福建某某科技有限公司第" + (i + 1) + "研发中心", "kind", kinds[i % kinds.length],
                    "strength", "在关键工艺、装备集成与检测方面具有较强研发能力，承担省级以上项目 " + (i + 3) + " 项。",
                    "contact", "0591-8" + (1000000 + random.nextInt(8999999))));
        }
        saved = put(county, "/api/reports/" + id + "/draft", Map.of("version", saved == null ? 1 : saved.get("version").asLong(),
                "sections", rest, "units", units), kind(phase, "saveDraft"));
        JsonNode read = get(county, "/api/reports/" + id, kind(phase, "getReport"));
        post(county, "/api/reports/" + id + "/submit", Map.of("version", read == null ? 2 : read.get("version").asLong()), kind(phase, "submit"));
    }

    /** A kind of request, named for its phase: "saveDraft" in the season, "stepSaveDraft" in the step phase. */
    private static String kind(String phase, String kind) {
        return phase.isEmpty() ? kind : phase + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    /** The load phase: each user has a report of its own, saves it and reads pages in turn. */
    private void load(ExecutorService pool, List<String> counties, int year) throws Exception {
        long campaign = post("admin", "/api/campaigns", Map.of("year", year), "openCampaign").get("id").asLong();
        int users = options.users();
        List<long[]> work = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String county = counties.get(u % counties.size());
            JsonNode declared = post(county, "/api/campaigns/" + campaign + "/chains",
                    Map.of("chains", List.of("负载测试" + (u + 1) + "号产业链")), "declare");
            JsonNode chain = declared.get("declaredChains");
            work.add(new long[]{u, chain.get(chain.size() - 1).get("reportId").asLong()});
        }
        ExecutorService loadPool = Executors.newFixedThreadPool(users, daemon());
        long until = System.nanoTime() + options.loadSeconds() * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (long[] w : work) {
            String county = counties.get((int) w[0] % counties.size());
            long id = w[1];
            running.add(loadPool.submit(() -> {
                Random random = new Random(id);
                JsonNode opened = get(county, "/api/reports/" + id, "loadGetReport");
                long version = opened == null ? 1 : opened.get("version").asLong();
                // Users start at random moments within one think time, as they would, not all in the same millisecond.
                sleep(options.thinkMillis() > 0 ? random.nextInt(options.thinkMillis()) : 0);
                int i = 0;
                while (System.nanoTime() < until) {
                    JsonNode saved = put(county, "/api/reports/" + id + "/draft", Map.of("version", version,
                            "sections", Map.of("COUNTY_INDUSTRY", text(random, 2500))), "loadSaveDraft");
                    if (saved != null) {
                        version = saved.get("version").asLong();
                    }
                    pause(random);
                    page(county, (i++ % 2 == 0 ? "/reports/" + id : "/county?campaign=" + campaign), "loadPage");
                    pause(random);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        loadPool.shutdown();
        log("load: %d users for %d s, think time %d ms", users, options.loadSeconds(), options.thinkMillis());
    }

    /** A user's pause between two actions: the think time, ±50 %, so the users do not march in step. */
    private void pause(Random random) {
        if (options.thinkMillis() > 0) {
            sleep(options.thinkMillis() / 2 + random.nextInt(options.thinkMillis()));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Service time per county report in the season: the latencies of the requests that carry one report. */
    private double serviceMillisPerReport(int reports) {
        return millisPerReport(reports, List.of("declare", "saveDraft", "getReport", "submit", "approve", "return"));
    }

    /** The requests that are process steps, as the bare engine baseline takes them: declare, submit, review. */
    private static final List<String> STEP_KINDS = List.of("stepDeclare", "stepSubmit", "stepReturn", "stepApprove");
    /** The side-by-side steps and the bare engine take turns this many times. */
    private static final int STEP_BLOCKS = 4;

    private double millisPerReport(int reports, Collection<String> kinds) {
        double total = 0;
        for (String kind : kinds) {
            for (long nanos : latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>())) {
                total += nanos / 1e6;
            }
        }
        return total / Math.max(reports, 1);
    }

    /**
     * The bare engine's work over HTTP, one report at a time (no other client, so no waiting for a core): counties
     * {@code from} to {@code to - 1} each declare one chain in {@code campaign} (the county's survey task ends and
     * the report's process starts), draft and submit it, the city returns every fifth once (fixed and resubmitted)
     * and approves. Returns the number of reports.
     */
    private int steps(long campaign, List<String> counties, Map<String, String> unitOfCounty, int from, int to) {
        for (int i = from; i < to; i++) {
            String county = counties.get(i);
            String unit = unitOfCounty.get(county);
            Random random = new Random(i);
            JsonNode declared = post(county, "/api/campaigns/" + campaign + "/chains", Map.of("chains", List.of(CHAINS[i % CHAINS.length])), "stepDeclare");
            if (declared == null) {
                continue;
            }
            long id = declared.get("declaredChains").get(0).get("reportId").asLong();
            draftAndSubmit(county, id, random, "step");
            if (i % 5 == 0) {
                post(unit, "/api/reports/" + id + "/return", Map.of("comment", "请补充近三年的产值数据。"), "stepReturn");
                long version = get(county, "/api/reports/" + id, "stepGetReport").get("version").asLong();
                post(county, "/api/reports/" + id + "/submit", Map.of("version", version), "stepSubmit");
            }
            post(unit, "/api/reports/" + id + "/approve", Map.of(), "stepApprove");
        }
        return to - from;
    }

    /**
     * {@code reports} reports through the same steps on the bare engine, inside the service (POST
     * /api/benchmark/bare-engine), numbered from {@code first} (every fifth is returned once, as in the steps): its
     * answer ({@code reports}, {@code nanos}, {@code millisPerReport}), or null when the jar has no such endpoint
     * (built without -Pbenchmark) or the run failed; the caller then reports no baseline at all.
     */
    private JsonNode bareEngine(int reports, int first) {
        HttpResponse<String> answer = send(request("admin", "/api/benchmark/bare-engine?reports=" + reports + "&first=" + first)
                .POST(publisher(null)).header("Content-Type", "application/json").build(), "bareEngine");
        if (answer != null && answer.statusCode() == 200) {
            try {
                return JSON.readTree(answer.body());
            } catch (IOException unreadable) {
                log("bare-engine baseline: unreadable answer (%s); no baseline", unreadable.getMessage());
                return null;
            }
        }
        if (answer != null && answer.statusCode() == 404) {
            log("bare-engine baseline: not in this jar; build it with ./mvnw -Pbenchmark package");
        } else {
            log("bare-engine baseline failed (%s); no baseline", answer == null ? "no answer" : answer.statusCode());
        }
        return null;
    }

    /** {@code --rush-only}: every county and unit logs in, then the rush runs; the rest of the result is left empty. */
    private Result rushOnly(Process service, ExecutorService pool, Map<String, List<String>> countiesByUnit, List<String> counties)
            throws Exception {
        List<String> accounts = new ArrayList<>(counties);
        accounts.addAll(countiesByUnit.keySet());
        parallel(pool, accounts, this::login);
        pool.shutdown();
        Map<String, String> unitOfCounty = new LinkedHashMap<>();
        countiesByUnit.forEach((unit, list) -> list.forEach(c -> unitOfCounty.put(c, unit)));
        List<Rush> rushes = new ArrayList<>();
        int year = 2030;
        for (String auth : options.rushAuths()) {
            rushes.add(rush(service, counties, unitOfCounty, year++, auth));
        }
        Result result = new Result(options.size().name(), counties.size(), countiesByUnit.size(), 0, 0, requests.get(), 0, 0,
                errors.get(), errorSamples.list(), 0, 0, rss(service.pid(), "VmRSS"), rss(service.pid(), "VmHWM"), -1,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, List.of(), Map.of(), Map.of(), 0, Double.NaN, Double.NaN, -1, Map.of(), 0, rushes, -1);
        print(result);
        Files.createDirectories(options.out());
        JSON.writerWithDefaultPrettyPrinter().writeValue(options.out().resolve(options.size().name() + "-rush.json").toFile(), result);
        return result;
    }

    /**
     * The views phase: {@code --views} requests, one at a time, of each page the institute and a city wait for on the
     * season's campaign (board JSON, institute home, board .xlsx, a city's home page, a report page).
     */
    private void views(long campaign, Map<String, List<String>> countiesByUnit, Map<String, List<Long>> reportsByCounty) {
        String unit = countiesByUnit.keySet().iterator().next();
        String county = countiesByUnit.get(unit).stream().filter(reportsByCounty::containsKey).findFirst().orElseThrow();
        long report = reportsByCounty.get(county).get(0);
        for (int i = 0; i < options.views(); i++) {
            get("institute", "/api/campaigns/" + campaign + "/board", "viewBoard");
            page("institute", "/institute?campaign=" + campaign, "viewInstituteHome");
            download("institute", "/api/campaigns/" + campaign + "/board/export", "viewBoardXlsx");
            page(unit, "/city?campaign=" + campaign, "viewCityHome");
            page(county, "/reports/" + report, "viewReportPage");
        }
        log("views: %d of each page", options.views());
    }

    /**
     * The deadline-day rush on a fresh campaign of {@code year}: every county declares one chain (timed as declare,
     * {@code --rush-clients} at once), its report is filled once (untimed: a report must be complete to be
     * submitted); then each round every county saves two sections and submits, {@code --rush-clients} at once. Between
     * rounds (untimed) the city returns every report and the county reads its version, so every round starts from
     * the same state: a returned report in drafting, complete, with a known version.
     */
    private Rush rush(Process service, List<String> counties, Map<String, String> unitOfCounty, int year, String auth) throws Exception {
        latencies.clear();
        long errorsBefore = errors.get();
        List<String> samplesBefore = errorSamples.list();
        if (auth.equals("basic")) {
            basicAccounts.addAll(counties);
        }
        ExecutorService clients = Executors.newFixedThreadPool(options.rushClients(), daemon());
        try {
            long campaign = post("admin", "/api/campaigns", Map.of("year", year), "rushOpenCampaign").get("id").asLong();
            Map<String, Long> reportOf = new ConcurrentHashMap<>();
            Map<String, Long> versionOf = new ConcurrentHashMap<>();
            parallel(clients, counties, county -> {
                int i = counties.indexOf(county);
                JsonNode declared = post(county, "/api/campaigns/" + campaign + "/chains",
                        Map.of("chains", List.of(CHAINS[i % CHAINS.length])), "declare");
                if (declared != null) {
                    reportOf.put(county, declared.get("declaredChains").get(0).get("reportId").asLong());
                }
            });
            parallel(clients, new ArrayList<>(reportOf.keySet()), county -> {
                long id = reportOf.get(county);
                Random random = new Random(id);
                Map<String, Object> sections = new LinkedHashMap<>();
                for (String s : List.of("COUNTY_INDUSTRY", "COUNTY_TECHNOLOGY", "DOMESTIC_INDUSTRY", "DOMESTIC_TECHNOLOGY",
                        "DOMESTIC_TRENDS", "INDUSTRY_MEASURES", "INNOVATION_DIRECTIONS")) {
                    sections.put(s, text(random, options.size().sectionChars()));
                }
                List<Map<String, Object>> units = List.of(Map.of("name", "福建某某科技有限公司研发中心", "kind", "ENTERPRISE",
                        "strength", "在关键工艺、装备集成与检测方面具有较强研发能力。", "contact", "0591-87654321"));
                JsonNode saved = put(county, "/api/reports/" + id + "/draft",
                        Map.of("version", 1, "sections", sections, "units", units), "rushPrepare");
                if (saved != null) {
                    versionOf.put(county, saved.get("version").asLong());
                }
            });
            List<String> drafting = new ArrayList<>(versionOf.keySet());
            List<Double> perSecond = new ArrayList<>();
            AtomicLong submitted = new AtomicLong();
            double cpu = 0;
            for (int round = 0; round < options.rushRounds(); round++) {
                if (round > 0) {
                    // Untimed: the city returns every report, and the county opens it again.
                    parallel(clients, drafting, county -> post(unitOfCounty.get(county), "/api/reports/" + reportOf.get(county) + "/return",
                            Map.of("comment", "请补充近三年的产值数据。"), "rushReturn"));
                    parallel(clients, drafting, county -> {
                        JsonNode r = get(county, "/api/reports/" + reportOf.get(county), "rushGetReport");
                        if (r != null) {
                            versionOf.put(county, r.get("version").asLong());
                        }
                    });
                }
                long before = submitted.get();
                int r = round;
                long start = System.nanoTime();
                double cpuBefore = cpuSeconds(service.pid());
                parallel(clients, drafting, county -> {
                    long id = reportOf.get(county);
                    Random random = new Random(id * 31 + r);
                    JsonNode saved = put(county, "/api/reports/" + id + "/draft", Map.of("version", versionOf.get(county),
                            "sections", Map.of("COUNTY_INDUSTRY", text(random, options.size().sectionChars()))), "save");
                    if (saved == null) {
                        return;
                    }
                    saved = put(county, "/api/reports/" + id + "/draft", Map.of("version", saved.get("version").asLong(),
                            "sections", Map.of("INDUSTRY_MEASURES", text(random, options.size().sectionChars()))), "save");
                    if (saved == null) {
                        return;
                    }
                    if (post(county, "/api/reports/" + id + "/submit", Map.of("version", saved.get("version").asLong()), "submit") != null) {
                        submitted.incrementAndGet();
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                cpu += cpuSeconds(service.pid()) - cpuBefore;
                perSecond.add((submitted.get() - before) / seconds);
                log("rush (%s) round %d: %d submissions in %.2f s, %.1f/s", auth, round + 1, submitted.get() - before, seconds,
                        perSecond.get(perSecond.size() - 1));
            }
            // The service's CPU in the timed rounds only (two saves and a submission each), not the returns between them.
            double cpuMs = cpu * 1000 / Math.max(1, submitted.get());
            List<Double> sorted = perSecond.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            Map<String, Map<String, Double>> timed = new java.util.TreeMap<>(percentiles(latencies));
            timed.keySet().retainAll(List.of("declare", "save", "submit"));
            List<String> samples = new ArrayList<>(errorSamples.list());
            samples.removeAll(samplesBefore);
            return new Rush(auth, counties.size(), options.rushClients(), perSecond, median, timed, cpuMs,
                    errors.get() - errorsBefore, samples);
        } finally {
            clients.shutdown();
            basicAccounts.clear();
        }
    }

    /** Adds the service's live heap to {@code heaps}; returns the nanoseconds that took. */
    private static long recordLiveHeap(Process service, List<Long> heaps) {
        long start = System.nanoTime();
        heaps.add(liveHeapMb(service.pid()));
        return System.nanoTime() - start;
    }

    /** A generation's (Serial, Parallel) or the whole heap's (G1) line of jcmd GC.heap_info. */
    private static final Pattern HEAP_USED = Pattern.compile("(generation|heap)\\s+total \\d+K, used (\\d+)K");

    /**
     * The service's live heap in MB: a full collection (jcmd GC.run), then the heap in use (jcmd GC.heap_info).
     * Outside the timed season; -1 when jcmd is not at hand.
     */
    static long liveHeapMb(long pid) {
        try {
            String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            long usedKb = 0;
            for (String line : out.split("\\R")) {
                Matcher m = HEAP_USED.matcher(line);
                if (m.find()) {
                    usedKb += Long.parseLong(m.group(2));
                }
            }
            return usedKb == 0 ? -1 : usedKb / 1024;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The H2 files' size in MB. */
    private static long databaseMb(Path work) throws IOException {
        try (var files = Files.walk(work.resolve("db"))) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024 * 1024);
        }
    }

    /**
     * Bytes a process has written so far (the {@code wchar} line of /proc/PID/io: every write call, whether or not
     * it reached the disk yet; for the service almost all of it is H2's chunks, the rest its log), or -1.
     */
    static long bytesWritten(long pid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or not ours to read
        }
        return -1;
    }

    /** CPU seconds (user and system) a process has used so far, from /proc/PID/stat. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of the line (utime, stime), counted from the state field, which is field 3.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    // ---- HTTP with measurement ----

    private void login(String account) {
        String body = "j_username=" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "&j_password=" + PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = send(request, "login");
        if (r != null && r.statusCode() == 200) {
            r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("quarkus-credential="))
                    .findFirst().ifPresent(c -> cookies.put(account, c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))));
        } else {
            error("login " + account + ": " + (r == null ? "no answer" : r.statusCode()));
        }
    }

    private JsonNode get(String account, String path, String kind) {
        return json(send(request(account, path).GET().build(), kind), kind, path);
    }

    private JsonNode post(String account, String path, Object body, String kind) {
        return json(send(asEditor(path, request(account, path).POST(publisher(body)).header("Content-Type", "application/json")).build(),
                kind), kind, path);
    }

    private JsonNode put(String account, String path, Object body, String kind) {
        return json(send(asEditor(path, request(account, path).PUT(publisher(body)).header("Content-Type", "application/json")).build(),
                kind), kind, path);
    }

    /**
     * Saves, submissions and the city's decisions ask for the minimal answer (new version and stage), as the report
     * editor and the review page do.
     */
    private static HttpRequest.Builder asEditor(String path, HttpRequest.Builder request) {
        return path.endsWith("/draft") || path.endsWith("/submit") || path.endsWith("/approve") || path.endsWith("/return")
                ? request.header("Prefer", "return=minimal") : request;
    }

    private void download(String account, String path, String kind) {
        HttpResponse<String> r = send(request(account, path).GET().build(), kind);
        if (r == null || r.statusCode() != 200 || r.body().length() < 1000) {
            error(kind + " " + path + ": " + (r == null ? "no answer" : r.statusCode()));
        }
    }

    private void page(String account, String path, String kind) {
        HttpResponse<String> r = send(request(account, path).header("Accept", "text/html").GET().build(), kind);
        if (r == null || r.statusCode() != 200 || !r.body().contains("</html>")) {
            error(kind + " " + path + ": " + (r == null ? "no answer" : r.statusCode()));
        }
    }

    private HttpRequest.Builder request(String account, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (basicAccounts.contains(account)) {
            return b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((account + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        String cookie = cookies.get(account);
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String kind) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t);
            requests.incrementAndGet();
            return r;
        } catch (IOException e) {
            error(kind + " " + request.uri().getPath() + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode json(HttpResponse<String> r, String kind, String path) {
        if (r == null) {
            return null;
        }
        if (r.statusCode() >= 300) {
            error(kind + " " + path + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
            return null;
        }
        try {
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            error(kind + " " + path + ": unreadable answer");
            return null;
        }
    }

    private void error(String message) {
        if (errors.incrementAndGet() <= 20) {
            System.err.println("[simulator] error: " + message);
        }
        errorSamples.add(message);
    }

    // ---- helpers ----

    /** Runs the work for every item on the pool and waits for all of it. */
    private static <T> void parallel(ExecutorService pool, List<T> items, Consumer<T> work) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> work.accept(item)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "simulator");
            t.setDaemon(true);
            return t;
        };
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null) {
            array.forEach(items::add);
        }
        return items;
    }

    /** Section text of about {@code chars} characters, in paragraphs. */
    static String text(Random random, int chars) {
        StringBuilder s = new StringBuilder();
        while (s.length() < chars) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append("（").append(random.nextInt(90) + 10).append("）").append(PARAGRAPH);
        }
        return s.substring(0, chars);
    }

    /** A synthetic country: one root, {@code units} city-level units, about 8.5 counties each. */
    static String syntheticRegions(Size size) {
        StringBuilder csv = new StringBuilder("code,name,level,gb_parent,review_unit,drafting\n");
        csv.append("000000,合成国,province,,,false\n");
        int total = size.countiesPerUnit() > 0 ? size.units() * size.countiesPerUnit() : 2844;
        for (int u = 0; u < size.units(); u++) {
            String unit = String.format("U%03d", u + 1);
            csv.append(unit).append(",合成市").append(u + 1).append(",city,000000,000000,true\n");
        }
        for (int c = 0; c < total; c++) {
            String unit = String.format("U%03d", c % size.units() + 1);
            csv.append(String.format("C%04d,合成县%d,county,%s,%s,true\n", c + 1, c + 1, unit, unit));
        }
        return csv.toString();
    }

    private double waitUntilUp(Process service, long launched) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() - launched < 180_000_000_000L) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped while starting; see its log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launched) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the service did not start within 3 minutes");
    }

    /** A line of /proc/PID/status in MB: VmRSS now, VmHWM the peak. */
    static long rss(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteDatabase(Path work) throws IOException {
        Path db = work.resolve("db");
        if (Files.exists(db)) {
            try (var files = Files.walk(db)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(db);
    }

    static Map<String, Map<String, Double>> percentiles(Map<String, ConcurrentLinkedQueue<Long>> latencies) {
        Map<String, Map<String, Double>> out = new java.util.TreeMap<>();
        latencies.forEach((kind, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("count", (double) sorted.size());
            p.put("p50", at(sorted, 0.50));
            p.put("p95", at(sorted, 0.95));
            p.put("p99", at(sorted, 0.99));
            p.put("max", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
            out.put(kind, p);
        });
        return out;
    }

    private static double at(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    private static void print(Result r) {
        if (r.reports() == 0 && !r.rush().isEmpty()) {
            System.out.printf(Locale.ROOT, "%n== Season simulator: %s, the rush only (%d counties, %d units), %d requests, errors %d%n",
                    r.size(), r.counties(), r.units(), r.requests(), r.errors());
            printRush(r);
            return;
        }
        System.out.printf(Locale.ROOT, "%n== Season simulator: %s (%d counties, %d units, %d county reports, %d consolidated)%n",
                r.size(), r.counties(), r.units(), r.reports(), r.mergedReports());
        System.out.printf(Locale.ROOT, "wall time %.2f s, %d requests, %.0f requests/s, errors %d%n",
                r.wallSeconds(), r.requests(), r.requestsPerSecond(), r.errors());
        System.out.printf(Locale.ROOT, "start to first response %.2f s; RSS after start %d MB, after season %d MB, peak %d MB; database %s%n",
                r.startSeconds(), r.rssAfterStartMb(), r.rssAfterSeasonMb(), r.peakRssMb(),
                r.databaseMb() < 0 ? "not measured (not H2)" : r.databaseMb() + " MB");
        System.out.printf(Locale.ROOT, "database after the season %s (before the load); service wrote %.0f MB during the season, %.0f MB during the load%n",
                r.databaseMbAfterSeason() < 0 ? "not measured (not H2)" : r.databaseMbAfterSeason() + " MB",
                r.serviceWrittenMbSeason(), r.serviceWrittenMbLoad());
        if (r.databaseMbSettled() >= 0) {
            System.out.printf(Locale.ROOT, "database after a quiet spell at the end (--settle) %d MB%n", r.databaseMbSettled());
        }
        System.out.printf(Locale.ROOT, "per county report: requests %.2f ms (sum of its requests' latencies), bare engine %.2f ms, ratio %.2f%n",
                r.serviceMsPerReport(), r.bareEngineMsPerReport(), r.overheadRatio());
        System.out.printf(Locale.ROOT, "per county report: season wall time %.2f ms (everything, documents included), ratio to bare engine %.2f%n",
                r.wallMsPerReport(), r.wallRatio());
        System.out.printf(Locale.ROOT, "process steps one report at a time (%d reports): %.2f ms per report over HTTP (declare, submit, return, approve), "
                + "bare engine %.2f ms, ratio %.2f; with drafting and reading %.2f ms%n",
                r.stepReports(), r.stepMsPerReport(), r.bareEngineMsPerReport(), r.stepRatio(), r.stepAllInMsPerReport());
        System.out.printf(Locale.ROOT, "CPU during the season: service %.1f s, simulator %.1f s (%.1f s of wall time on %d cores)%n",
                r.serviceCpuSeconds(), r.simulatorCpuSeconds(), r.wallSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "live heap after a full collection (MB): after declarations, after reviews, after the season: %s%n", r.liveHeapMb());
        table("season latencies (ms)", r.latencies());
        if (!r.load().isEmpty()) {
            table("load latencies (ms), errors " + r.loadErrors(), r.load());
        }
        r.errorSamples().forEach(e -> System.out.println("error: " + e));
        if (!r.views().isEmpty()) {
            table("views (ms, one request at a time), errors " + r.viewErrors(), r.views());
        }
        printRush(r);
    }

    private static void printRush(Result r) {
        for (Rush rush : r.rush()) {
            System.out.printf(Locale.ROOT, "rush (%s, %d counties, %d clients): submissions/s per round %s, median %.1f; "
                    + "service CPU %.1f ms per submission; errors %d%n", rush.auth(), rush.counties(), rush.clients(),
                    rush.submissionsPerSecond().stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList(),
                    rush.medianSubmissionsPerSecond(), rush.serviceCpuMsPerSubmission(), rush.errors());
            table("rush latencies (" + rush.auth() + ", ms)", rush.latencies());
            rush.errorSamples().forEach(e -> System.out.println("rush error: " + e));
        }
    }

    private static void table(String title, Map<String, Map<String, Double>> rows) {
        System.out.println(title);
        System.out.printf(Locale.ROOT, "  %-16s %7s %9s %9s %9s %9s%n", "kind", "count", "p50", "p95", "p99", "max");
        rows.forEach((kind, p) -> System.out.printf(Locale.ROOT, "  %-16s %7.0f %9.1f %9.1f %9.1f %9.1f%n",
                kind, p.get("count"), p.get("p50"), p.get("p95"), p.get("p99"), p.get("max")));
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[simulator] " + format + "%n", args);
    }

    /** The first few error messages, kept for the report. */
    private static final class Queue {
        private final List<String> items = Collections.synchronizedList(new ArrayList<>());

        void add(String s) {
            if (items.size() < 20) {
                items.add(s);
            }
        }

        List<String> list() {
            return List.copyOf(items);
        }
    }
}
