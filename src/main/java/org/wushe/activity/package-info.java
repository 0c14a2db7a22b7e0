/**
 * 服务活动记录 (activity records): the rows of the progress table (附件1) recorded under a campaign, and their
 * rollups, exact at every level at the moment of the query.
 * <ul>
 * <li>活动记录 = {@link org.wushe.activity.Activity}; 活动名称 = name; 参与活动的单位或社会组织（团队） = units</li>
 * <li>参与人次 = participants; 受益人次 = beneficiaries ({@link org.wushe.activity.Headcount})</li>
 * <li>活动开展时间 = dates ({@link org.wushe.activity.DateSpan}, read by {@link org.wushe.activity.ChineseDate})</li>
 * <li>服务领域 = {@link org.wushe.activity.ServiceDomain}</li>
 * <li>链接资金 = linked funds; 链接物资折价 = linked in-kind value ({@link org.wushe.activity.Yuan})</li>
 * <li>汇总 = rollup ({@link org.wushe.activity.ActivityRollup}); 导入 = import; 导出 = export</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "personal", "actor", "campaign" })
package org.wushe.activity;
