package org.wushe.campaign;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A notice for a reporting unit that has not yet submitted: its deadline is less than 24 hours away
 * ({@code urgent} when less than 2 hours). Computed when asked, from the clock; nothing is sent or stored.
 *
 * @param deadlineNumber the deadline's number, or 0 for the summary deadline
 */
public record Reminder(long campaignId, String campaignName, int deadlineNumber, Instant dueAt, String unitCode,
		String unitName, boolean urgent) {

	public LocalDateTime dueAtLocal() {
		return LocalDateTime.ofInstant(dueAt, Deadline.ZONE);
	}

	public String messageKey() {
		return deadlineNumber == 0 ? "campaign.reminder.summary" : "campaign.reminder.report";
	}

}
