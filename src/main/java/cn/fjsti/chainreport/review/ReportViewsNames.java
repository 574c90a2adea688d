package cn.fjsti.chainreport.review;

import cn.fjsti.chainreport.region.Region;

/** Region names for messages. */
final class ReportViewsNames {

    private ReportViewsNames() {
    }

    static String regionName(String code) {
        return Region.byCode(code).map(r -> r.name).orElse(code);
    }
}
