package cn.fjsti.chainreport.report;

/** What kind of organisation a strong unit is. */
public enum UnitKind {
    ENTERPRISE("企业"),
    UNIVERSITY("高校"),
    INSTITUTE("科研院所"),
    PLATFORM("创新平台"),
    TEAM("创新团队"),
    OTHER("其他");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
