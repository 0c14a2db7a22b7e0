/**
 * 关爱服务 (care): the people served (服务对象, 一人一档), their home visits (探访关爱) and their cases (个案管理).
 * <ul>
 * <li>服务对象 = person ({@link org.wushe.care.Person}); 类别 = category (高龄 ELDER_ADVANCED_AGE … 低边 MARGINAL, plus
 * those the country or a province adds); 风险等级 = {@link org.wushe.care.RiskLevel}; 居住情况 = living situation</li>
 * <li>健康/残疾情况 = health notes (sealed like ID numbers and phones); 监护人同意 = guardian consent (a child under 14
 * with sensitive fields); 转移 = transfer (moves the file, never copies it)</li>
 * <li>探访 = visit ({@link org.wushe.care.Visit}); 探访方式 = way (上门 HOME, 电话 PHONE, 视频 VIDEO); 发现 = findings;
 * 跟进 = follow-up (NONE, NEED, URGENT); 探访频次 = visit frequency; 应访日期 = next due; 逾期 = overdue</li>
 * <li>个案 = case ({@link org.wushe.care.CareCase}); 接案 = intake; 预估 = assessment; 服务计划 = plan; 服务记录 =
 * service; 评估 = review; 结案 = closure; 督导 = supervisor (permission {@code care:supervise}, or a worker's account
 * marked as supervisor of a station or county: {@link org.wushe.care.Supervisors}); 转介 = referral;
 * 退回 = return</li>
 * <li>服务人数 = distinct persons served (visited or given a service) in a period, exact; 关爱计数 =
 * {@link org.wushe.care.CareFigures}</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "personal", "actor" })
package org.wushe.care;
