package cn.fjsti.chainreport.security;

/** What an account may do; every account is also bound to one region. */
public enum Role {
    /** A county-level science bureau: drafts its own reports. */
    COUNTY,
    /** A city-level unit (设区市科技局 or 平潭综合实验区经发局): reviews and consolidates its counties. */
    CITY,
    /** 福建省科学技术信息研究所: reads everything, receives the packages. */
    INSTITUTE,
    /** 省科技厅 programme officer: opens campaigns, manages accounts. */
    ADMIN;

    public static final String COUNTY_NAME = "COUNTY";
    public static final String CITY_NAME = "CITY";
    public static final String INSTITUTE_NAME = "INSTITUTE";
    public static final String ADMIN_NAME = "ADMIN";

    /** The role as a clerk calls it (pages, account lists): 县级科技局, 市级科技局, 省科技信息研究所, 系统管理员. */
    public String label() {
        return switch (this) {
            case COUNTY -> "县级科技局";
            case CITY -> "市级科技局";
            case INSTITUTE -> "省科技信息研究所";
            case ADMIN -> "系统管理员";
        };
    }
}
