package org.wushe.actor;

import java.util.Locale;

/** 社会工作者职业资格: none, 助理社会工作师, 社会工作师, 高级社会工作师. Everything but NONE counts as certified (持证). */
public enum Qualification {

	NONE, ASSISTANT_SOCIAL_WORKER, SOCIAL_WORKER, SENIOR_SOCIAL_WORKER;

	public boolean certified() {
		return this != NONE;
	}

	public String messageKey() {
		return "actor.qualification." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
