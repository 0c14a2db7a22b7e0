/**
 * 志愿服务 (volunteer service): teams, service projects, the hours volunteers give, the certificates that prove them,
 * and the time bank that stores hours given to elders for later use.
 * <ul>
 * <li>志愿服务队伍 = team ({@link org.wushe.volunteering.ProjectService}); 队员 = member, with 加入/退出 = joined/left dates</li>
 * <li>志愿服务项目 = project; 组织方 = organizer ({@link org.wushe.volunteering.OrganizerKind}: 社工站/社工室 = SITE,
 * 社会组织 = ORGANIZATION, 志愿服务队伍 = TEAM); 服务领域 = the activity service domain; 招募中 = recruiting;
 * 计入时间银行 = time bank project</li>
 * <li>服务时长记录 = hours record ({@link org.wushe.volunteering.HoursService}), in whole minutes; 签到表 = attendance
 * sheet; 确认 = confirm; 异议 = dispute; 冲正 = reversal (a correcting record, never an edit); 谁组织谁记录 = the
 * organizer records</li>
 * <li>时间银行 = time bank ({@link org.wushe.volunteering.TimeBank}); 账户 = account ({@link
 * org.wushe.volunteering.AccountKind}: 个人 = PERSONAL, 团体 = GROUP, 公益池 = POOL, 重点老人 = ELDER, 清算 = CLEARING);
 * 记账 = posting (two per transfer, summing to zero); 存入 = DEPOSIT; 捐赠 = DONATION; 赠与 = GIFT; 发放 = GRANT;
 * 兑换 = REDEMPTION ({@link org.wushe.volunteering.TransferKind}); 存储上限 = cap; 通存通兑 = spend anywhere; 对账 =
 * reconciliation; 亲属 = registered relative</li>
 * <li>志愿服务证明 = certificate; 证明编号 = number, in sequence per issuer and
 * year; 撤销 = revoke</li>
 * <li>志愿服务汇总 = figures per region subtree ({@link org.wushe.volunteering.VolunteeringFigures}), read by the
 * dashboard</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "personal", "site", "actor", "activity", "care" })
package org.wushe.volunteering;
