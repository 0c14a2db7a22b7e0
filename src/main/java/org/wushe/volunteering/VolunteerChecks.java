package org.wushe.volunteering;

import org.wushe.actor.VolunteerDirectory;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionScope;

/** The check every input naming a volunteer shares: given, and an active volunteer in the caller's scope. */
final class VolunteerChecks {

	private VolunteerChecks() {
	}

	static void active(FieldChecks c, VolunteerDirectory volunteers, RegionScope scope, String field, Long id) {
		if (id == null) {
			c.add(field, "actor.input.required");
		}
		else if (volunteers.find(scope, id).filter(VolunteerDirectory.Entry::active).isEmpty()) {
			c.add(field, "volunteering.input.unknown-volunteer", id);
		}
	}

}
