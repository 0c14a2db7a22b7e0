package org.wushe.campaign;

import java.time.Instant;
import java.util.Locale;

/**
 * A reporting unit's standing against one deadline, computed from the deadline instant, its first submission and the
 * clock, so that the moment a deadline passes every unit that has not submitted is missing, with no job to run.
 */
public enum UnitStatus {

	/** First submitted at or before the deadline. */
	ON_TIME,
	/** First submitted after the deadline. */
	LATE,
	/** Not submitted, and the deadline has passed. */
	MISSING,
	/** Not submitted yet, and the deadline has not passed. */
	PENDING;

	public static UnitStatus of(Deadline deadline, Instant firstSubmittedAt, Instant now) {
		if (firstSubmittedAt != null) {
			return deadline.isOnTime(firstSubmittedAt) ? ON_TIME : LATE;
		}
		return deadline.hasPassed(now) ? MISSING : PENDING;
	}

	public String messageKey() {
		return "campaign.unit-status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
