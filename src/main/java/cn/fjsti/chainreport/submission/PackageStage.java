package cn.fjsti.chainreport.submission;

/** Where a unit's package stands, read from its process and its last sending. */
public enum PackageStage {
    PREPARING("待报送"),
    RETURNED("已退回，待重新报送"),
    SENT("已报送，待接收"),
    ACCEPTED("已接收");

    private final String label;

    PackageStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
