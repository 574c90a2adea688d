package cn.fjsti.chainreport.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * 试点县需梳理所列的重点产业链并完成《调研报告》 (闽科高〔2024〕135号, 一、1: the ten pilot counties of the
 * 工信厅 plan write on the chains listed for them). The administrator enters each campaign's pilot counties
 * and their chains; a pilot county's declaration must include every chain designated for it
 * (report.ChainDeclarationService, 422 otherwise), and its city's package needs a finished report on each
 * ({@link CompletePackage}). Chains are compared by their spelling-independent key (chain.ChainNames#key).
 */
public final class PilotCountyChains {

    private PilotCountyChains() {
    }

    /**
     * The designated chains (key → name) not among {@code keys}, by name. {@code keys} are the county's
     * declared chains for a declaration, its finished ones for the package.
     */
    public static List<String> missing(Map<String, String> designated, Collection<String> keys) {
        return designated.entrySet().stream()
                .filter(e -> !keys.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
    }

    /** What a pilot county's declaration that leaves out designated chains is told. */
    public static String declarationMissing(String countyName, List<String> missing) {
        return countyName + "是试点县，须梳理指定的产业链：" + String.join("、", missing);
    }

    /** What keeps a package from being sent while a designated chain has no finished report. */
    public static String packageMissing(String countyName, String chainName) {
        return countyName + "（试点县）：指定产业链“" + chainName + "”尚未审核通过或合并";
    }
}
