package cn.fjsti.chainreport.support;

/** Demo accounts the tests act as (every region's code is its account). */
public final class Accounts {

    public static final String ADMIN = "admin";
    public static final String INSTITUTE = "institute";
    /** 厦门市 and three of its districts that share 集成电路产业链 in the reference data. */
    public static final String XIAMEN = "350200";
    public static final String HAICANG = "350205";
    public static final String HULI = "350206";
    public static final String XIANGAN = "350213";
    /** 宁德市 and 古田县, a confirmed pilot county. */
    public static final String NINGDE = "350900";
    public static final String GUTIAN = "350922";
    /** 福州市 and 闽侯县: another city, for the forbidden cases. */
    public static final String FUZHOU = "350100";
    public static final String MINHOU = "350121";
    /** 平潭综合实验区 reviews 平潭县, although GB/T 2260 puts 平潭县 under 福州. */
    public static final String PINGTAN_ZONE = "PTZ";
    public static final String PINGTAN = "350128";

    private Accounts() {
    }
}
