package org.wushe.actor.volunteer;

import java.util.Locale;

/** 正常 / 暂停服务 / 已退出. */
public enum VolunteerStatus {

	ACTIVE, SUSPENDED, WITHDRAWN;

	public String messageKey() {
		return "actor.volunteer-status." + name().toLowerCase(Locale.ROOT);
	}

}
