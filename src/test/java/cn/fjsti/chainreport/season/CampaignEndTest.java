package cn.fjsti.chainreport.season;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.TimeMachine;
import cn.fjsti.chainreport.workflow.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

/**
 * The campaign process ends when every county has declared and every unit's package has been accepted: it
 * waits for the message the last survey and the last package send, and for nothing earlier. A survey's last
 * step runs as a job after the declaration (the job executor is off in tests: the test runs the jobs).
 */
@QuarkusTest
class CampaignEndTest {

    @Inject
    HistoryService history;

    @Inject
    RuntimeService runtime;

    @Inject
    TimeMachine jobs;

    @Test
    void shouldEndTheCampaignWhenEveryPackageIsAccepted() throws InterruptedException {
        long campaign = Fixtures.openCampaign();
        List<Map<String, Object>> counties = as(Accounts.INSTITUTE).get("/api/regions").then().extract().jsonPath()
                .param("x", 0).getList("findAll { it.draftingCounty }");
        for (Map<String, Object> county : counties) {
            assertThat(waitingFor(campaign, "Event_CountiesDeclared")).as("waits while a county has not declared").isTrue();
            String code = (String) county.get("code");
            String chain = code.equals(Accounts.GUTIAN) ? "锂电新能源产业链" : county.get("name") + "特色产业链";
            long report = Fixtures.declare(code, campaign, chain).get(chain);
            if (county != counties.get(counties.size() - 1)) {
                assertThat(jobs.runWaitingJobs(campaign, 1)).as("the survey's last step").isOne();
            }
            Fixtures.fillAndSubmit(code, report);
            Fixtures.approve((String) county.get("reviewUnit"), report);
        }
        assertThat(waitingFor(campaign, "Event_CountiesDeclared")).as("the declaration only leaves the survey's last step as a job").isTrue();
        assertThat(jobs.runWaitingJobs(campaign, 1)).isOne();
        assertThat(waitingFor(campaign, "Event_CountiesDeclared")).as("the last county's survey told the campaign").isFalse();
        assertThat(waitingFor(campaign, "Event_PackagesAccepted")).isTrue();
        JsonPath units = as(Accounts.INSTITUTE).get("/api/regions/review-units").then().extract().jsonPath();
        List<String> unitCodes = units.getList("code");
        for (String unit : unitCodes) {
            as(unit).post("/api/campaigns/{c}/packages/{u}/send", campaign, unit).then().statusCode(200);
            assertThat(campaignEnded(campaign)).as("still open while packages wait").isFalse();
        }
        for (String unit : unitCodes) {
            assertThat(waitingFor(campaign, "Event_PackagesAccepted")).as("waits while a package is not accepted").isTrue();
            as(Accounts.INSTITUTE).body(Map.of()).post("/api/campaigns/{c}/packages/{u}/accept", campaign, unit).then().statusCode(200);
        }
        assertThat(campaignEnded(campaign)).isTrue();
        as(Accounts.INSTITUTE).get("/api/campaigns/{c}/board", campaign).then()
                .body("campaignEnded", is(true))
                .body("unitsAccepted", equalTo(10))
                .body("units.sum { it.countiesCovered }", equalTo(83));
    }

    private boolean waitingFor(long campaign, String event) {
        return runtime.createExecutionQuery().processDefinitionKey(Workflow.Process.CAMPAIGN)
                .processInstanceBusinessKey(String.valueOf(campaign)).activityId(event).count() == 1;
    }

    private boolean campaignEnded(long campaign) {
        var instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(Workflow.Process.CAMPAIGN)
                .processInstanceBusinessKey(String.valueOf(campaign)).singleResult();
        return instance.getEndTime() != null;
    }
}
