package org.wushe.actor.volunteer;

import java.util.List;

/**
 * What a form, an API body or a workbook row says about a volunteer. Teams and skills may be typed as one text with
 * separators or as a list. On edit, a blank ID number or phone keeps the stored one.
 */
public record VolunteerInput(String name, String idNumber, String phone, String regionCode, List<String> teams,
		List<String> skills, String status) {

	static VolunteerInput empty(String regionCode) {
		return new VolunteerInput("", "", "", regionCode, List.of(), List.of(), "ACTIVE");
	}

	static VolunteerInput of(Volunteer v) {
		return new VolunteerInput(v.name(), "", "", v.regionCode(), v.teams(), v.skills(), v.status().name());
	}

}
