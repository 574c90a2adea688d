package cn.fjsti.chainreport.rules;

/**
 * 每个县市区至少梳理一条产业链 (闽科高〔2024〕135号, 一、1): every county that drafts reports declares at least one
 * chain, and before its city sends the package at least one of its reports is approved (or merged into an
 * approved consolidated report). Asked by the declaration request (an empty list is refused at the door with
 * {@link #EMPTY_DECLARATION}), by the package check ({@link CompletePackage}) and by the progress figures
 * (submission.UnitSnapshot: counties declared, counties with work left).
 */
public final class OneChainPerCounty {

    /** The fewest chains a county declares. */
    public static final int MIN_CHAINS = 1;
    /** What an empty declaration is told (a constant: Bean Validation's message on ReportRequests.DeclareChains). */
    public static final String EMPTY_DECLARATION = "请至少填写一条产业链";

    private OneChainPerCounty() {
    }

    /** Whether a county with this many declared chains has declared enough. */
    public static boolean declared(long chains) {
        return chains >= MIN_CHAINS;
    }

    /**
     * Why the county does not meet the rule for its city's package, or null when it does: {@code declared} chains
     * in all, {@code finished} of them approved or merged into an approved report.
     */
    public static String unmet(String countyName, long declared, long finished) {
        if (!declared(declared)) {
            return countyName + "：尚未申报产业链";
        }
        if (finished < MIN_CHAINS) {
            return countyName + "：尚无审核通过或已合并的报告";
        }
        return null;
    }
}
