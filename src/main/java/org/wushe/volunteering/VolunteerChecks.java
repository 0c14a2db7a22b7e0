package org.wushe.volunteering;

import org.wushe.actor.VolunteerDirectory;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionScope;
import org.wushe.shared.ReasonInput;
import org.wushe.shared.TextInput;

/**
 * The checks this module's inputs share: a volunteer given and active in the caller's scope, texts and the reason
 * given with a decision (confirming or disputing hours, reversing them, revoking a certificate).
 */
final class VolunteerChecks {

	/** Texts typed into a form or an API body. */
	static final TextInput TEXT = new TextInput("actor.input.required", "actor.input.too-long");

	/** The reason of a decision: at most 200 characters. */
	static final ReasonInput REASON = new ReasonInput("reason", 200, "actor.input.required", "actor.input.too-long");

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
