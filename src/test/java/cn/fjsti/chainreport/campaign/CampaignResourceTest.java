package cn.fjsti.chainreport.campaign;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.SettableClock;
import cn.fjsti.chainreport.workflow.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignResourceTest {

    @Inject
    Database db;

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldOpenACampaignWithTheDefaultDeadlineAndGiveEveryCountyItsTask() {
        int year = Fixtures.freshYear();
        long id = ((Number) as(Accounts.ADMIN)
                .body(Map.of("year", year, "pilots", List.of(Map.of("countyCode", Accounts.GUTIAN, "chains", List.of("锂电新能源产业链", "食用菌产业链"))) ))
                .post("/api/campaigns")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/campaigns/"))
                .body("deadline", equalTo(year + "-10-31T23:59:59+08:00"))
                .body("deadlineText", equalTo(year + "年10月31日 23:59:59（北京时间）"))
                .body("title", equalTo(year + "年度县域重点产业创新链调研"))
                .body("pilots[0].countyName", equalTo("古田县"))
                .body("pilots[0].chains", equalTo(List.of("锂电新能源产业链", "食用菌产业链")))
                .extract().path("id")).longValue();

        long declareTasks = tasks.createTaskQuery().taskDefinitionKey(Workflow.Task.DECLARE_CHAINS)
                .processVariableValueEquals(Workflow.Var.CAMPAIGN_ID, id).count();
        assertThat(declareTasks).isEqualTo(83);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Workflow.Process.CAMPAIGN)
                .processInstanceBusinessKey(String.valueOf(id)).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskDefinitionKey(Workflow.Task.DECLARE_CHAINS).taskCandidateGroup("350527")
                .processVariableValueEquals(Workflow.Var.CAMPAIGN_ID, id).count()).as("金门县 drafts nothing").isZero();

        as(Accounts.PINGTAN).get("/api/tasks").then().statusCode(200)
                .body("findAll { it.campaignId == " + id + " }.key", equalTo(List.of(Workflow.Task.DECLARE_CHAINS)))
                .body("findAll { it.campaignId == " + id + " }.dueAt", equalTo(List.of(year + "-10-31T23:59:59+08:00")));
    }

    @Test
    void shouldAcceptAnExplicitDeadline() {
        int year = Fixtures.freshYear();
        as(Accounts.ADMIN).body(Map.of("year", year, "title", "试运行", "deadline", year + "-10-15T18:00:00+08:00"))
                .post("/api/campaigns").then().statusCode(201)
                .body("deadline", equalTo(year + "-10-15T18:00:00+08:00"))
                .body("title", equalTo("试运行"));
    }

    @Test
    void shouldShowPilotDesignationsOnlyWithinScope() {
        long id = Fixtures.openCampaign();
        as(Accounts.GUTIAN).get("/api/campaigns/{id}", id).then().statusCode(200).body("pilots", hasSize(1));
        as(Accounts.NINGDE).get("/api/campaigns/{id}", id).then().statusCode(200).body("pilots", hasSize(1));
        as(Accounts.INSTITUTE).get("/api/campaigns/{id}", id).then().statusCode(200).body("pilots", hasSize(1));
        as(Accounts.HAICANG).get("/api/campaigns/{id}", id).then().statusCode(200).body("pilots", hasSize(0));
        as(Accounts.XIAMEN).get("/api/campaigns").then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void shouldRefuseOpeningByAnyoneButTheAdmin() {
        for (String account : List.of(Accounts.HAICANG, Accounts.XIAMEN, Accounts.INSTITUTE)) {
            db.assertWritesNothing(() -> as(account).body(Map.of("year", Fixtures.freshYear()))
                    .post("/api/campaigns").then().statusCode(403).contentType("application/problem+json"));
        }
    }

    @Test
    void shouldRefuseDeadlinesBeyondWhatACampaignCanNeed() {
        for (String deadline : java.util.List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "9999-12-31T23:59:59+08:00", "2200-01-01T00:00:00Z")) {
            db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("year", Fixtures.freshYear(), "deadline", deadline))
                    .post("/api/campaigns").then().statusCode(400).contentType("application/problem+json")
                    .body("fields[0].field", org.hamcrest.Matchers.equalTo("deadline")));
        }
        long campaign = Fixtures.openCampaign();
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("deadline", "+999999999-12-31T23:59:59Z"))
                .put("/api/campaigns/{id}/deadline", campaign).then().statusCode(400).contentType("application/problem+json"));
    }

    @Test
    void shouldRefuseASecondCampaignForTheSameYear() {
        int year = Fixtures.freshYear();
        as(Accounts.ADMIN).body(Map.of("year", year)).post("/api/campaigns").then().statusCode(201);
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("year", year)).post("/api/campaigns")
                .then().statusCode(409).body("detail", equalTo(year + " 年度的调研工作已经启动，不能重复启动")));
    }

    @Test
    void shouldRefuseUnknownAndNonDraftingPilotCounties() {
        db.assertWritesNothing(() -> as(Accounts.ADMIN)
                .body(Map.of("year", Fixtures.freshYear(), "pilots", List.of(
                        Map.of("countyCode", "359999", "chains", List.of("茶产业链")),
                        Map.of("countyCode", "350527", "chains", List.of("茶产业链")),
                        Map.of("countyCode", "350900", "chains", List.of("茶产业链")))))
                .post("/api/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("fields.field", equalTo(List.of("pilots[0].countyCode", "pilots[1].countyCode", "pilots[2].countyCode")))
                .body("fields[1].message", equalTo("金门县 不是须编写报告的县（市、区）")));
    }

    @Test
    void shouldRefuseRepeatedPilotChains() {
        db.assertWritesNothing(() -> as(Accounts.ADMIN)
                .body(Map.of("year", Fixtures.freshYear(), "pilots", List.of(
                        Map.of("countyCode", Accounts.GUTIAN, "chains", List.of("食用菌产业链", "食用菌产业")))))
                .post("/api/campaigns").then().statusCode(400)
                .body("fields[0].field", equalTo("pilots[0].chains[1]")));
    }

    @Test
    void shouldRefuseBadFields() {
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("title", "无年度")).post("/api/campaigns")
                .then().statusCode(400).body("fields[0].field", equalTo("year")).body("fields[0].message", equalTo("请填写年度")));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("year", 1999)).post("/api/campaigns")
                .then().statusCode(400).body("fields[0].message", equalTo("年度不能早于 2020")));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("year", Fixtures.freshYear(), "deadline", "10月底"))
                .post("/api/campaigns").then().statusCode(400).body("fields[0].field", equalTo("deadline")));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body("{\"year\": 2050,").post("/api/campaigns")
                .then().statusCode(400).body("detail", equalTo("请求内容不是有效的 JSON")));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("year", Fixtures.freshYear(), "pilots",
                        List.of(Map.of("countyCode", "350922", "chains", List.of())))).post("/api/campaigns")
                .then().statusCode(400).body("fields[0].field", equalTo("pilots[0].chains")));
    }

    @Test
    void shouldRefuseADeadlineThatHasPassed() {
        int year = Fixtures.freshYear();
        clock.setBeijing(LocalDateTime.of(year, 11, 1, 0, 0, 0));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("year", year)).post("/api/campaigns")
                .then().statusCode(400).body("fields[0].field", equalTo("deadline"))
                .body("detail", equalTo("截止时间必须晚于当前时间")));
    }

    @Test
    void shouldNotFindAnUnknownCampaign() {
        as(Accounts.HAICANG).get("/api/campaigns/987654").then().statusCode(404).contentType("application/problem+json");
    }
}
