package cn.fjsti.chainreport.concurrency;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.security.Role;
import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.TimeMachine;
import cn.fjsti.chainreport.workflow.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** "提交了就不会丢": concurrent saves never overwrite each other silently; concurrent reviews never both win. */
@QuarkusTest
class ConcurrencyTest {

    private static final String SECOND_HAICANG_CLERK = "350205-b";
    private static final String SECOND_XIAMEN_OFFICER = "350200-b";
    private static final String SECOND_HULI_CLERK = "350206-b";

    @Inject
    Database db;

    @Inject
    org.camunda.bpm.engine.RuntimeService runtime;

    @Inject
    org.camunda.bpm.engine.HistoryService history;

    @Inject
    TimeMachine jobs;

    private record Save(String account, long fromVersion, String text, int status) {
    }

    @Test
    void shouldNeverLoseASaveSilently() throws Exception {
        db.addAccount(SECOND_HAICANG_CLERK, Role.COUNTY, Accounts.HAICANG);
        long id = Fixtures.newReport(Accounts.HAICANG);
        long initial = Fixtures.version(Accounts.HAICANG, id);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Save>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String account = i % 2 == 0 ? Accounts.HAICANG : SECOND_HAICANG_CLERK;
            String text = "第 " + i + " 次保存（" + account + "）";
            futures.add(pool.submit((Callable<Save>) () -> {
                long version = Fixtures.version(account, id);
                Response r = as(account).body(Map.of("version", version, "sections", Map.of("COUNTY_INDUSTRY", text)))
                        .put("/api/reports/{id}/draft", id);
                return new Save(account, version, text, r.statusCode());
            }));
        }
        List<Save> saves = new ArrayList<>();
        for (Future<Save> f : futures) {
            saves.add(f.get());
        }
        pool.shutdown();

        assertThat(saves).extracting(Save::status).allMatch(s -> s == 200 || s == 409);
        List<Save> won = saves.stream().filter(s -> s.status() == 200).toList();
        assertThat(won).isNotEmpty();
        assertThat(won).extracting(Save::fromVersion).as("no two saves succeeded on the same version").doesNotHaveDuplicates();
        Map<String, Object> report = as(Accounts.HAICANG).get("/api/reports/{id}", id).then().extract().as(Map.class);
        assertThat(((Number) report.get("version")).longValue()).isEqualTo(initial + won.size());
        Save last = won.stream().max(Comparator.comparingLong(Save::fromVersion)).orElseThrow();
        assertThat(((Map<?, ?>) report.get("sections")).get("COUNTY_INDUSTRY")).isEqualTo(last.text());
        System.out.printf("50 concurrent saves from two accounts: %d saved, %d refused with 409%n", won.size(), saves.size() - won.size());
    }

    @Test
    void shouldLetExactlyOneOfTwoReviewersWin() throws Exception {
        db.addAccount(SECOND_XIAMEN_OFFICER, Role.CITY, Accounts.XIAMEN);
        for (int round = 0; round < 5; round++) {
            long id = Fixtures.newReport(Accounts.XIANGAN);
            Fixtures.fillAndSubmit(Accounts.XIANGAN, id);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Integer> approve = pool.submit(() -> as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/approve", id).statusCode());
            Future<Integer> reject = pool.submit(() -> as(SECOND_XIAMEN_OFFICER).body(Map.of("comment", "退回"))
                    .post("/api/reports/{id}/return", id).statusCode());
            List<Integer> statuses = List.of(approve.get(), reject.get());
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            as(Accounts.XIANGAN).get("/api/reports/{id}", id).then().body("reviews.size()", org.hamcrest.Matchers.equalTo(1));
        }
    }
    @Test
    void shouldTakeACountysFirstDeclarationFromTwoTabsOnce() throws Exception {
        db.addAccount(SECOND_HULI_CLERK, Role.COUNTY, Accounts.HULI);
        for (int round = 0; round < 3; round++) {
            long campaign = Fixtures.openCampaign();
            // Different chains: both are taken, the county's declaration task is completed once.
            List<Integer> different = declareAtOnce(campaign, List.of("新型显示产业链"), List.of("集成电路产业链"));
            assertThat(different).containsExactly(200, 200);
            as(Accounts.HULI).get("/api/campaigns/{id}/chains", campaign).then().statusCode(200)
                    .body("find { it.regionCode == '" + Accounts.HULI + "' }.declaredChains.size()", org.hamcrest.Matchers.equalTo(2));
            as(Accounts.HULI).get("/api/tasks").then().statusCode(200)
                    .body("findAll { it.campaignId == " + campaign + " && it.key == '" + Workflow.Task.DECLARE_CHAINS + "' }.size()",
                            org.hamcrest.Matchers.equalTo(0));

            // The same chain: one is taken, the other refused as a duplicate, nothing fails.
            long next = Fixtures.openCampaign();
            List<Integer> same = declareAtOnce(next, List.of("新型显示产业链"), List.of("新型显示产业链"));
            assertThat(same).containsExactlyInAnyOrder(200, 409);
        }
    }

    /**
     * Every drafting county declares at the same time (8 at once), the last two of them together: each declaration
     * is taken, and exactly one survey tells the campaign, when the last two counties' "last county?" steps run side
     * by side too. Those steps are jobs that run after the declarations have committed (the job executor is off in
     * tests: the test runs them, 8 and then 2 at once), each queued on the campaign (CampaignPartEndedDelegate,
     * CampaignService.lockForCompletion). Two that both missed each other would leave the campaign waiting; two that
     * both told it would fail the second job (no campaign waits for the message any more).
     */
    @Test
    void shouldTellTheCampaignOnceWhenEveryCountyDeclaresAtOnce() throws Exception {
        long campaign = Fixtures.openCampaign();
        List<Map<String, Object>> counties = as(Accounts.INSTITUTE).get("/api/regions").then().extract().jsonPath()
                .param("x", 0).getList("findAll { it.draftingCounty }");
        assertThat(counties).hasSize(83);
        assertThat(declareAtOnce(campaign, counties.subList(0, 81), 8)).hasSize(81).containsOnly(200);
        assertThat(jobs.runWaitingJobs(campaign, 8)).isEqualTo(81);
        assertThat(waitingFor(campaign, "Event_CountiesDeclared")).as("two counties have not declared").isTrue();

        assertThat(declareAtOnce(campaign, counties.subList(81, 83), 2)).containsOnly(200);
        assertThat(waitingFor(campaign, "Event_CountiesDeclared")).as("the declarations leave the check to their jobs").isTrue();
        assertThat(jobs.runWaitingJobs(campaign, 2)).as("both jobs succeed: neither told a campaign that had heard").isEqualTo(2);
        assertThat(waitingFor(campaign, "Event_CountiesDeclared")).as("the campaign heard that every county has declared").isFalse();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(campaign))
                .processDefinitionKey(Workflow.Process.CAMPAIGN).singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Event_CountiesDeclared").finished().count()).as("told once").isOne();
        assertThat(waitingFor(campaign, "Event_PackagesAccepted")).as("and waits for the packages").isTrue();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Workflow.Process.COUNTY_SURVEY)
                .processInstanceBusinessKeyLike(Workflow.partBusinessKeyPrefix(campaign) + "%").count())
                .as("every survey ended").isZero();
    }

    private static List<Integer> declareAtOnce(long campaign, List<Map<String, Object>> counties, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> declarations = new ArrayList<>();
        for (Map<String, Object> county : counties) {
            String code = (String) county.get("code");
            String chain = code.equals(Accounts.GUTIAN) ? "锂电新能源产业链" : county.get("name") + "特色产业链";
            declarations.add(pool.submit(() -> as(code).body(Map.of("chains", List.of(chain)))
                    .post("/api/campaigns/{id}/chains", campaign).statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : declarations) {
            statuses.add(f.get());
        }
        pool.shutdown();
        return statuses;
    }

    private boolean waitingFor(long campaign, String event) {
        return runtime.createExecutionQuery().processDefinitionKey(Workflow.Process.CAMPAIGN)
                .processInstanceBusinessKey(String.valueOf(campaign)).activityId(event).count() == 1;
    }

    private static List<Integer> declareAtOnce(long campaign, List<String> first, List<String> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> a = pool.submit(() -> as(Accounts.HULI).body(Map.of("chains", first))
                .post("/api/campaigns/{id}/chains", campaign).statusCode());
        Future<Integer> b = pool.submit(() -> as(SECOND_HULI_CLERK).body(Map.of("chains", second))
                .post("/api/campaigns/{id}/chains", campaign).statusCode());
        List<Integer> statuses = List.of(a.get(), b.get());
        pool.shutdown();
        return statuses;
    }
}
