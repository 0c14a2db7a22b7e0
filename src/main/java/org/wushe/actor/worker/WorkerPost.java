package org.wushe.actor.worker;

import java.util.Locale;

/** 岗位: 驻站社工, 督导, 指导中心工作人员, 社工室社工, 项目社工, 其他. */
public enum WorkerPost {

	STATION_WORKER, SUPERVISOR, CENTRE_STAFF, ROOM_WORKER, PROJECT_WORKER, OTHER;

	public String messageKey() {
		return "actor.worker-post." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
