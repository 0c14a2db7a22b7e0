package org.wushe.actor;

import java.util.Locale;

/** 社会组织类型: 社会工作服务机构, 行业组织/协会, 基金会, 社区社会组织, 其他. */
public enum OrganizationKind {

	SOCIAL_WORK_AGENCY, INDUSTRY_ASSOCIATION, FOUNDATION, COMMUNITY_GROUP, OTHER;

	public String messageKey() {
		return "actor.organization-kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
