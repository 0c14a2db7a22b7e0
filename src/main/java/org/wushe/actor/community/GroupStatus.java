package org.wushe.actor.community;

import java.util.Locale;

/** 活跃 / 停止活动. */
public enum GroupStatus {

	ACTIVE, INACTIVE;

	public String messageKey() {
		return "actor.group-status." + name().toLowerCase(Locale.ROOT);
	}

}
