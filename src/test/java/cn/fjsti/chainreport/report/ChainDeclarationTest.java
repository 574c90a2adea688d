package cn.fjsti.chainreport.report;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.workflow.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChainDeclarationTest {

    @Inject
    Database db;

    @Inject
    TaskService tasks;

    @Test
    void shouldCreateOneReportAndProcessPerChainAndCompleteTheDeclarationTask() {
        long campaign = Fixtures.openCampaign();
        // The county's survey has a business key of its own, which is how a declaration finds its task quickly.
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(Workflow.partBusinessKey(campaign, Accounts.HAICANG))
                .taskDefinitionKey(Workflow.Task.DECLARE_CHAINS).taskCandidateGroup(Accounts.HAICANG).count()).isOne();
        as(Accounts.HAICANG).body(Map.of("chains", List.of("集成电路产业链", "生物医药产业链")))
                .post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200)
                .body("regionName", equalTo("海沧区"))
                .body("declaredChains.chain", equalTo(List.of("集成电路产业链", "生物医药产业链")))
                .body("pilot", is(false));

        assertThat(tasks.createTaskQuery().taskDefinitionKey(Workflow.Task.DECLARE_CHAINS).taskCandidateGroup(Accounts.HAICANG)
                .processVariableValueEquals(Workflow.Var.CAMPAIGN_ID, campaign).count()).isZero();
        as(Accounts.HAICANG).get("/api/tasks").then().statusCode(200)
                .body("findAll { it.campaignId == " + campaign + " }.key", equalTo(List.of(Workflow.Task.DRAFT_REPORT, Workflow.Task.DRAFT_REPORT)))
                .body("findAll { it.campaignId == " + campaign + " }.name", everyItem(equalTo("撰写调研报告")));
        as(Accounts.HAICANG).get("/api/reports?campaignId=" + campaign).then().statusCode(200)
                .body("", hasSize(2))
                .body("stage", everyItem(equalTo("DRAFTING")))
                .body("title", everyItem(equalTo("海沧区县域重点产业创新链调研报告")));
    }

    @Test
    void shouldLetACountyAddAChainLater() {
        long campaign = Fixtures.openCampaign();
        as(Accounts.HULI).body(Map.of("chains", List.of("新型显示产业链"))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200);
        as(Accounts.HULI).body(Map.of("chains", List.of("集成电路产业链"))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200).body("declaredChains", hasSize(2));
    }

    @Test
    void shouldRequireAPilotCountyToCoverItsDesignatedChains() {
        long campaign = Fixtures.openCampaign();
        db.assertWritesNothing(() -> as(Accounts.GUTIAN).body(Map.of("chains", List.of("食用菌产业链")))
                .post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("古田县是试点县，须梳理指定的产业链：锂电新能源产业链")));
        as(Accounts.GUTIAN).body(Map.of("chains", List.of("食用菌产业链", "锂电新能源产业")))
                .post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200).body("missingDesignatedChains", hasSize(0)).body("pilot", is(true));
    }

    @Test
    void shouldRefuseAChainDeclaredTwiceUnderAnotherSpelling() {
        long campaign = Fixtures.openCampaign();
        as(Accounts.XIANGAN).body(Map.of("chains", List.of("集成电路产业链"))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200);
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).body(Map.of("chains", List.of("平板显示产业链", "集成电路 产业")))
                .post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(409).body("fields[0].field", equalTo("chains[1]")));
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).body(Map.of("chains", List.of("光电产业链", "光电产业")))
                .post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(409));
    }

    @Test
    void shouldRefuseBadChainLists() {
        long campaign = Fixtures.sharedCampaign();
        db.assertWritesNothing(() -> as(Accounts.MINHOU).body(Map.of("chains", List.of())).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(400).body("fields[0].field", equalTo("chains")).body("fields[0].message", equalTo("请至少填写一条产业链")));
        db.assertWritesNothing(() -> as(Accounts.MINHOU).body(Map.of("chains", List.of(" "))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(400).body("fields.field", org.hamcrest.Matchers.hasItem("chains[0]")));
        db.assertWritesNothing(() -> as(Accounts.MINHOU).body(Map.of("chains", List.of("链".repeat(61)))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(400).body("fields[0].message", equalTo("产业链名称不能超过 60 个字（现有 61 个字）")));
        db.assertWritesNothing(() -> as(Accounts.MINHOU).body(Map.of("chains", "茶产业链")).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(400).body("fields[0].field", equalTo("chains")));
        db.assertWritesNothing(() -> as(Accounts.MINHOU).body(Map.of("chains", List.of("茶\u0000产业链"))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(400));
    }

    @Test
    void shouldRefuseDeclarationsByOtherRolesAndForUnknownCampaigns() {
        long campaign = Fixtures.sharedCampaign();
        for (String account : List.of(Accounts.XIAMEN, Accounts.INSTITUTE, Accounts.ADMIN)) {
            db.assertWritesNothing(() -> as(account).body(Map.of("chains", List.of("茶产业链")))
                    .post("/api/campaigns/{id}/chains", campaign).then().statusCode(403));
        }
        db.assertWritesNothing(() -> as(Accounts.MINHOU).body(Map.of("chains", List.of("茶产业链")))
                .post("/api/campaigns/{id}/chains", 987654).then().statusCode(404));
    }

    @Test
    void shouldListChainsOnlyWithinScope() {
        long campaign = Fixtures.sharedCampaign();
        as(Accounts.HAICANG).get("/api/campaigns/{id}/chains", campaign).then().statusCode(200)
                .body("regionCode", equalTo(List.of(Accounts.HAICANG)));
        as(Accounts.XIAMEN).get("/api/campaigns/{id}/chains", campaign).then().statusCode(200)
                .body("", hasSize(6)).body("regionCode", everyItem(org.hamcrest.Matchers.startsWith("3502")));
        as(Accounts.PINGTAN_ZONE).get("/api/campaigns/{id}/chains", campaign).then().statusCode(200)
                .body("regionCode", equalTo(List.of(Accounts.PINGTAN)));
        as(Accounts.INSTITUTE).get("/api/campaigns/{id}/chains", campaign).then().statusCode(200).body("", hasSize(83));
    }
}
