/**
 * The rules of the notice (福建省科学技术厅《关于加快推进县域重点产业链科技创新有关工作的通知》, 闽科高〔2024〕135号),
 * one class per rule, each named after it, each unit-tested, and called from every path that needs it:
 * <ul>
 *   <li>{@link cn.fjsti.chainreport.rules.OneChainPerCounty}: 每个县市区至少梳理一条产业链;</li>
 *   <li>{@link cn.fjsti.chainreport.rules.PilotCountyChains}: 试点县需梳理所列的重点产业链;</li>
 *   <li>{@link cn.fjsti.chainreport.rules.MergeWithinOneCity}: 同一设区市内重复的产业链由设区市统筹整合;</li>
 *   <li>{@link cn.fjsti.chainreport.rules.CompletePackage}: 设区市汇总各县（市、区）及本单位牵头编写的报告后上报;</li>
 *   <li>{@link cn.fjsti.chainreport.rules.DeadlinePolicy}: 10月底前上报（截止时间、按时与逾期）.</li>
 * </ul>
 * The classes hold pure functions over plain values (no database, no engine), so this package depends on no
 * feature; the features ask it.
 */
package cn.fjsti.chainreport.rules;
