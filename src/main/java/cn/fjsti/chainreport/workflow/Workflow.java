package cn.fjsti.chainreport.workflow;

import java.util.List;

/** Names shared between the BPMN files and the Java code: process keys, task keys, variables. */
public final class Workflow {

    private Workflow() {
    }

    /** BPMN files under the classpath folder {@code bpmn/}, deployed at start. */
    public static final List<String> RESOURCES = List.of("campaign.bpmn", "county-survey.bpmn", "report.bpmn", "unit-package.bpmn",
            "submission-digest.bpmn");

    /** Candidate group of the institute's tasks. */
    public static final String INSTITUTE_GROUP = "institute";

    /**
     * The business key of a campaign part (a county's survey, a unit's package), as the campaign gives it: the
     * campaign's key (its id), a slash, the region's code. Unique per process, so a county's declaration task
     * is found through the key's index.
     */
    public static String partBusinessKey(Long campaignId, String regionCode) {
        return partBusinessKeyPrefix(campaignId) + regionCode;
    }

    /** The business key of a unit's pending submission digest (not a part: it does not start with the campaign's id). */
    public static String digestBusinessKey(Long campaignId, String unitCode) {
        return "digest/" + campaignId + "/" + unitCode;
    }

    /** What the business keys of every part of one campaign begin with. */
    public static String partBusinessKeyPrefix(Long campaignId) {
        return campaignId + "/";
    }

    /** Process definition keys. */
    public static final class Process {
        public static final String CAMPAIGN = "Process_Campaign";
        public static final String COUNTY_SURVEY = "Process_CountySurvey";
        public static final String REPORT = "Process_Report";
        public static final String UNIT_PACKAGE = "Process_UnitPackage";
        /** A unit's daily digest of county submissions (units that chose DAILY). */
        public static final String SUBMISSION_DIGEST = "Process_SubmissionDigest";

        /** Every process the service deploys. */
        public static final String[] ALL = {CAMPAIGN, COUNTY_SURVEY, REPORT, UNIT_PACKAGE, SUBMISSION_DIGEST};

        private Process() {
        }
    }

    /** User task definition keys. */
    public static final class Task {
        public static final String DECLARE_CHAINS = "Task_DeclareChains";
        public static final String DRAFT_REPORT = "Task_DraftReport";
        public static final String CITY_REVIEW = "Task_CityReview";
        public static final String SEND_PACKAGE = "Task_SendPackage";
        public static final String INSTITUTE_REVIEW = "Task_InstituteReview";

        private Task() {
        }
    }

    /** Messages the service correlates to a running instance: the detours of a season. */
    public static final class Message {
        /** A county withdraws its submitted report before the city acts (boundary event on Task_CityReview). */
        public static final String REPORT_WITHDRAWN = "Message_ReportWithdrawn";
        /** The city reopens an approved or city-written report after the institute returned the package. */
        public static final String REPORT_REOPENED = "Message_ReportReopened";
        /** The package carrying the report was accepted: the report's process ends. */
        public static final String REPORT_CLOSED = "Message_ReportClosed";
        /** A unit withdraws its sent package before the institute acts (boundary event on Task_InstituteReview). */
        public static final String PACKAGE_WITHDRAWN = "Message_PackageWithdrawn";
        /** The administrator moved the unit's deadline (interrupting boundary event on SubProcess_Preparation). */
        public static final String DEADLINE_EXTENDED = "Message_DeadlineExtended";

        private Message() {
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
        /** Local to a part's last step: the message that step sends the campaign when it is the last part. */
        public static final String CAMPAIGN_MESSAGE = "campaignMessage";
        /** The city-level unit of a Process_UnitPackage instance. */
        public static final String UNIT_CODE = "unitCode";
        /** Transient: the reminder instants still ahead when a unit's preparation (re)starts. */
        public static final String REMINDER_DATES = "reminderDates";
        /** The first instant after the deadline: the deadline's last second is still on time. */
        public static final String OVERDUE_AT = "overdueAt";
        /** The instant one reminder instance waits for. */
        public static final String REMINDER_AT = "reminderAt";
        /** Whether a report goes to the city for review (county reports) or not (written by the city). */
        public static final String CITY_REVIEW = "cityReview";
        /** The review decision: true approves, false returns to the author. */
        public static final String APPROVED = "approved";
        /** When a unit's pending submission digest is sent; with {@code digestSince}, the submissions it lists. */
        public static final String DIGEST_AT = "digestAt";
        public static final String DIGEST_SINCE = "digestSince";
        /** The user name that completed the last task. */
        public static final String ACTOR = "actor";

        private Var() {
        }
    }
}
