package org.wushe.care;

import java.util.List;

/**
 * A visit as typed ({@code POST /api/persons/{id}/visits}): date (not in the future), way ({@code HOME}/
 * {@code PHONE}/{@code VIDEO}), the social workers' ids ({@code visitorIds}) and the volunteers' ids
 * ({@code volunteerIds}), each registered and in the caller's scope, the findings checklist, the follow-up
 * ({@code NONE}/{@code NEED}/{@code URGENT}) and notes.
 */
public record VisitInput(String date, String way, List<Long> visitorIds, List<Long> volunteerIds,
		List<String> findings, String followUp, String notes) {

	/** A visit without volunteers. */
	public VisitInput(String date, String way, List<Long> visitorIds, List<String> findings, String followUp,
			String notes) {
		this(date, way, visitorIds, null, findings, followUp, notes);
	}

	enum Way {
		HOME, PHONE, VIDEO
	}

	/** The findings checklist: what gave reason for concern. */
	enum Finding {
		SAFETY, HEALTH, LIVING, MENTAL, NEEDS
	}

	enum FollowUp {
		NONE, NEED, URGENT
	}

}
