package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.Workflow;

/**
 * Where a report stands. Read from its process instance (the active user task), plus the two merge
 * facts the report itself records; never stored beside the engine.
 */
public enum ReportStage {
    DRAFTING("编写中", true),
    RETURNED("已退回修改", true),
    UNDER_REVIEW("待市级审核", false),
    APPROVED("已通过", false),
    MERGED("已合并", false),
    WITHDRAWN("已撤销合并", false);

    private final String label;
    private final boolean editable;

    ReportStage(String label, boolean editable) {
        this.label = label;
        this.editable = editable;
    }

    public String label() {
        return label;
    }

    public boolean editable() {
        return editable;
    }

    /** Counts towards the package: approved, or merged into a consolidated report. */
    public boolean done() {
        return this == APPROVED || this == MERGED;
    }

    /**
     * @param taskDefinitionKey the active user task of the report's Process_Report, null when it has ended
     */
    static ReportStage of(Report report, String taskDefinitionKey) {
        return of(report.withdrawnAt != null, report.mergedInto != null, report.revisionCount, taskDefinitionKey);
    }

    /** The same rule from the facts alone (bulk reads that do not load whole reports). */
    public static ReportStage of(boolean withdrawn, boolean merged, int revisionCount, String taskDefinitionKey) {
        if (withdrawn) {
            return WITHDRAWN;
        }
        if (merged) {
            return MERGED;
        }
        if (taskDefinitionKey == null) {
            return APPROVED;
        }
        return switch (taskDefinitionKey) {
            case Workflow.Task.DRAFT_REPORT -> revisionCount > 0 ? RETURNED : DRAFTING;
            case Workflow.Task.CITY_REVIEW -> UNDER_REVIEW;
            default -> throw new IllegalStateException("Unknown report task " + taskDefinitionKey);
        };
    }
}
