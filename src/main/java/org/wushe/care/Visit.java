package org.wushe.care;

import java.time.LocalDate;
import java.util.List;

/** One home visit; {@code notes} is {@code null} for a viewer above the county level without {@code care:notes}. */
public record Visit(long id, long personId, String regionCode, LocalDate date, String way, List<Long> visitorIds,
		List<String> findings, String followUp, String notes) {

	/** A person's visit that is due: overdue when the date has passed. */
	public record Due(long personId, String personName, String regionCode, LocalDate dueDate, boolean overdue) {
	}

	/** An open urgent follow-up. */
	public record Alert(long visitId, long personId, String personName, String regionCode, LocalDate date) {
	}

}
