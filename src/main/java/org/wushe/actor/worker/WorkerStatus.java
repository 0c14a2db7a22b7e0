package org.wushe.actor.worker;

import java.util.Locale;

/** 在岗 / 离岗. */
public enum WorkerStatus {

	ACTIVE, LEFT;

	public String messageKey() {
		return "actor.worker-status." + name().toLowerCase(Locale.ROOT);
	}

}
