/**
 * 主题宣传活动 (theme campaigns): the yearly social-work campaign as a province's notice issues it, with its
 * deadline-bound progress reports and the completeness of reporting.
 * <ul>
 * <li>主题宣传活动 = {@link org.wushe.campaign.Campaign}; 本地活动 = local campaign (under a parent, same theme and
 * window)</li>
 * <li>宣传内容 = content items; 宣传活动形式 = activity forms; 活动时间 = window</li>
 * <li>报送层级 = reporting level; 报送单位 = reporting unit (a region at that level); 报送时限 =
 * {@link org.wushe.campaign.Deadline}</li>
 * <li>工作进展情况统计表（附件1） = progress table; 进展报送 = progress report; 版本 = version (an immutable
 * snapshot)</li>
 * <li>按时 = on time; 逾期 = late; 未报 = missing; 退回 = returned; 报送情况 = completeness</li>
 * <li>活动总结 = summary; 提醒 = reminder</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "personal" })
package org.wushe.campaign;
