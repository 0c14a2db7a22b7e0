package org.wushe.shared;

import java.util.Locale;

/**
 * The groups of the sidebar menu, in the order they are shown: 工作台 / 阵地 / 五社力量 / 服务 / 主题活动 / 统计 / 系统.
 * Each {@link NavItem} belongs to one group; a group the user has no entry in is not shown.
 */
public enum NavGroup {

	/** 工作台: the home page and messages. */
	WORKBENCH,

	/** 阵地: county centres, township stations, village rooms and their coverage. */
	SITES,

	/** 五社力量: organizations, social workers, volunteers, communities, charity. */
	FORCES,

	/** 服务: people served, visits, cases, volunteer projects and hours, the time bank. */
	SERVICES,

	/** 主题活动: campaigns, activity records, articles. */
	CAMPAIGNS,

	/** 统计: dashboards. */
	STATS,

	/** 系统: regions, accounts, the audit log. */
	SYSTEM;

	/** Message key of the group's heading, e.g. {@code nav.group.sites}. */
	public String labelKey() {
		return "nav.group." + name().toLowerCase(Locale.ROOT);
	}

}
