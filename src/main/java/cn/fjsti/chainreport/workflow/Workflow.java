package cn.fjsti.chainreport.workflow;

import java.util.List;

/** Names shared between the BPMN files and the Java code: process keys, task keys, variables. */
public final class Workflow {

    private Workflow() {
    }

    /** BPMN files under the classpath folder {@code bpmn/}, deployed at start. */
    public static final List<String> RESOURCES = List.of("campaign.bpmn", "county-survey.bpmn", "report.bpmn");

    /** Process definition keys. */
    public static final class Process {
        public static final String CAMPAIGN = "Process_Campaign";
        public static final String COUNTY_SURVEY = "Process_CountySurvey";
        public static final String REPORT = "Process_Report";

        private Process() {
        }
    }

    /** User task definition keys. */
    public static final class Task {
        public static final String DECLARE_CHAINS = "Task_DeclareChains";
        public static final String DRAFT_REPORT = "Task_DraftReport";
        public static final String CITY_REVIEW = "Task_CityReview";

        private Task() {
        }
    }

    /** Process variable names: ids and small flags only, content lives in the entities. */
    public static final class Var {
        public static final String CAMPAIGN_ID = "campaignId";
        public static final String REPORT_ID = "reportId";
        /** The region whose candidate group works on the current task. */
        public static final String REGION_CODE = "regionCode";
        public static final String REVIEW_UNIT = "reviewUnit";
        public static final String DEADLINE = "deadline";
        /** Transient: the drafting county codes the campaign fans out to. */
        public static final String DRAFTING_COUNTIES = "draftingCountyCodes";
        /** The user name that completed the last task. */
        public static final String ACTOR = "actor";

        private Var() {
        }
    }
}
