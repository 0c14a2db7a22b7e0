package org.wushe.volunteering;

import java.util.Locale;

/** Who organizes a service project, and so records and certifies its hours. */
public enum OrganizerKind {

	/** 社工站或社工室 */
	SITE,
	/** 社会组织 */
	ORGANIZATION,
	/** 志愿服务队伍 */
	TEAM;

	public String messageKey() {
		return "volunteering.organizer-kind." + name().toLowerCase(Locale.ROOT);
	}

}
