package org.wushe.campaign;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Something a user has to do about progress reports of a current campaign, with a count where there are several.
 *
 * @param kind what is to be done
 * @param deadlineNumber the deadline it is about
 * @param unitCode the reporting unit (for {@link Kind#BEHIND}: the region whose units are behind)
 * @param count how many (units behind; 1 otherwise)
 */
public record ReportToDo(Kind kind, long campaignId, String campaignName, int deadlineNumber, Instant dueAt,
		String unitCode, long count) {

	public enum Kind {

		/** The unit's report was returned and waits to be submitted again. */
		RETURNED,
		/** The unit has not submitted and the deadline has passed. */
		OVERDUE,
		/** The unit's next deadline within a week, not yet submitted. */
		DUE,
		/** Reporting units below the user's region that have not submitted against the last passed deadline. */
		BEHIND;

		public String messageKey() {
			return "campaign.todo." + name().toLowerCase(Locale.ROOT);
		}

	}

	public LocalDateTime dueAtLocal() {
		return LocalDateTime.ofInstant(dueAt, Deadline.ZONE);
	}

	/** Where the user acts on it. */
	public String href() {
		return kind == Kind.BEHIND
				? "/campaigns/" + campaignId + "/completeness?deadline=" + deadlineNumber + "&region=" + unitCode
				: "/campaigns/" + campaignId + "/reports/" + deadlineNumber + "?region=" + unitCode;
	}

}
