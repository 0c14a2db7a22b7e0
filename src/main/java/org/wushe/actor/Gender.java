package org.wushe.actor;

import java.util.Locale;

/** 性别. */
public enum Gender {

	MALE, FEMALE;

	public String messageKey() {
		return "actor.gender." + name().toLowerCase(Locale.ROOT);
	}

}
