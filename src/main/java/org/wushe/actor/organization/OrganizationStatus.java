package org.wushe.actor.organization;

import java.util.Locale;

/** 登记状态: 正常, 暂停活动, 已注销. */
public enum OrganizationStatus {

	ACTIVE, SUSPENDED, DEREGISTERED;

	public String messageKey() {
		return "actor.organization-status." + name().toLowerCase(Locale.ROOT);
	}

}
