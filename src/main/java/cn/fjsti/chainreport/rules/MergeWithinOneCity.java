package cn.fjsti.chainreport.rules;

import java.util.Collection;
import java.util.Objects;

/**
 * 同一设区市内，各县（市、区）的重点产业链有重复的，各设区市科技管理部门要科学统筹，优化整合，统一梳理完成《调研报告》
 * (闽科高〔2024〕135号, 一、1): a city-level unit merges the county reports of its own counties only, and only
 * reports of at least {@value #MIN_COUNTIES} different counties (a county's own chains are not "repeated"
 * across counties). Asked by consolidation.ConsolidationService#merge (403 for another unit's report, 400 for
 * one county); the duplicates finder proposes only within one unit for the same reason.
 */
public final class MergeWithinOneCity {

    /** The fewest counties a merge joins. */
    public static final int MIN_COUNTIES = 2;
    public static final String OTHER_UNIT = "只能合并本单位所辖县（市、区）的报告";
    public static final String ONE_COUNTY = "合并至少需要两个县（市、区）的报告";

    private MergeWithinOneCity() {
    }

    /** Whether the unit {@code unitCode} may merge a county report reviewed by {@code reportReviewUnit}. */
    public static boolean sameUnit(String unitCode, String reportReviewUnit) {
        return unitCode != null && Objects.equals(unitCode, reportReviewUnit);
    }

    /** Whether reports by these authoring counties (one entry per report) come from enough counties to merge. */
    public static boolean enoughCounties(Collection<String> authorCounties) {
        return authorCounties.stream().distinct().count() >= MIN_COUNTIES;
    }
}
