package org.wushe.care;

import java.time.LocalDate;
import java.util.List;

/**
 * One home visit; {@code notes} is {@code null} for a viewer above the county level without {@code care:notes}.
 * {@code visitorIds} are the social workers who went, {@code volunteerIds} the volunteers; {@code visitors} names them
 * all as they were registered when the visit was recorded; {@code photos} are the visit's photos (metadata removed).
 */
public record Visit(long id, long personId, String regionCode, LocalDate date, String way, List<Long> visitorIds,
		List<Long> volunteerIds, List<String> findings, String followUp, String notes, List<Visitor> visitors,
		List<Photo> photos) {

	/** A visit before its visitors' names and photos are added. */
	public Visit(long id, long personId, String regionCode, LocalDate date, String way, List<Long> visitorIds,
			List<String> findings, String followUp, String notes) {
		this(id, personId, regionCode, date, way, visitorIds, List.of(), findings, followUp, notes, List.of(),
				List.of());
	}

	/** The same visit with its volunteers, visitors and photos. */
	Visit with(List<Long> volunteers, List<Visitor> named, List<Photo> pictures) {
		return new Visit(id, personId, regionCode, date, way, visitorIds, volunteers, findings, followUp, notes, named,
				pictures);
	}

	/** 探访人员: a social worker ({@code WORKER}) or a volunteer ({@code VOLUNTEER}). */
	public record Visitor(String kind, long id, String name) {
	}

	/** A photo of the visit, served at {@code /care/visits/{visitId}/photos/{id}}. */
	public record Photo(long id, String fileName) {
	}

	/** A person's visit that is due: overdue when the date has passed. */
	public record Due(long personId, String personName, String regionCode, LocalDate dueDate, boolean overdue) {
	}

	/** An open urgent follow-up. */
	public record Alert(long visitId, long personId, String personName, String regionCode, LocalDate date) {
	}

}
