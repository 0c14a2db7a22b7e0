package org.wushe.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as pages and API answers show it. Notes (the reason, the closure reason and the notes of each step) are
 * {@code null} for a viewer above the county level without {@code care:notes}; {@code notesHidden} says so.
 */
public record CareCase(long id, long personId, String personName, String regionCode, String stage, String reason,
		LocalDate openedOn, Integer assessmentScore, String closureReason, LocalDate closedOn,
		LocalDate lastServiceOn, boolean notesHidden, List<Event> events) {

	/** One step or decision, kept for ever. */
	public record Event(long id, Instant occurredAt, LocalDate date, String actor, String action, String stageBefore,
			String stageAfter, String summary, String notes) {
	}

}
