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
		LocalDate lastServiceOn, boolean notesHidden, List<Event> events, List<Referral> referrals) {

	/** One step or decision, kept for ever. */
	public record Event(long id, Instant occurredAt, LocalDate date, String actor, String action, String stageBefore,
			String stageAfter, String summary, String notes) {
	}

	/**
	 * A referral (转介) and the receiver's decision: {@code status} PENDING, ACCEPTED or DECLINED; {@code toRegion} the
	 * receiving station's region for a referral to a station. The reasons are notes.
	 */
	public record Referral(long id, String toKind, String to, String toRegion, String reason, String status,
			LocalDate referredOn, Instant decidedAt, String decidedBy, String declineReason) {
	}

}
