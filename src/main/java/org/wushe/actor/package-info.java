/**
 * 五社 actors: the registries of social organizations, social workers, volunteers and communities. Personal data
 * (cipher, masking, reveal audit, field checks) lives in {@code org.wushe.personal}.
 * <ul>
 * <li>社会组织 = organization; 统一社会信用代码 = {@link org.wushe.personal.CreditCode} (GB 32100-2015); 社会工作服务机构 =
 * social work agency; 行业组织/协会 = industry association; 基金会 = foundation; 社区社会组织 = community group</li>
 * <li>社会工作者（社工） = social worker; 职业资格 = {@link org.wushe.actor.Qualification}; 持证 = certified; 驻站社工 =
 * station worker; 督导 = supervisor; 培训记录 = training record</li>
 * <li>志愿者 = volunteer; 志愿者编号 = volunteer number (shown publicly instead of the ID number); 志愿服务队 = team</li>
 * <li>社区 = community (a village-level region); 村（居）委会 = committee; 社区社会组织（含未登记的群众团体） = grassroots
 * group</li>
 * <li>拼音首字母 = {@link org.wushe.shared.NameInitials}</li>
 * <li>登记计数 = registry counters ({@code registry.RegistryTally}), read by {@link org.wushe.actor.ActorFigures}</li>
 * </ul>
 * Internals live in sub-packages: {@code organization}, {@code worker}, {@code volunteer}, {@code community} (one
 * registry each), {@code registry} (list filters, region checks, counts shared by them) and {@code demo}.
 * <p>
 * Layer: above {@code region}, {@code access}, {@code audit} and {@code personal}. The one call into {@code site} is
 * the check that a social worker is posted to an existing, open site in the user's scope (an answer needed now);
 * {@code site} never calls {@code actor}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "personal", "site" })
package org.wushe.actor;
