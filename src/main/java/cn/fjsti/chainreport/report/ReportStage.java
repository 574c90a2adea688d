package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.Workflow;

/** Where a report stands, read from its process instance (never stored beside it). */
public enum ReportStage {
    DRAFTING("编写中", true),
    UNDER_REVIEW("待市级审核", false),
    REVIEWED("审核完成", false);

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

    /** Maps the active user task of a Process_Report instance; null means the process has ended. */
    static ReportStage ofTask(String taskDefinitionKey) {
        if (taskDefinitionKey == null) {
            return REVIEWED;
        }
        return switch (taskDefinitionKey) {
            case Workflow.Task.DRAFT_REPORT -> DRAFTING;
            case Workflow.Task.CITY_REVIEW -> UNDER_REVIEW;
            default -> throw new IllegalStateException("Unknown report task " + taskDefinitionKey);
        };
    }
}
