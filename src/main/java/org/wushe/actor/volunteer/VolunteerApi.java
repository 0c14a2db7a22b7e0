package org.wushe.actor.volunteer;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionInput;
import org.wushe.actor.registry.RegistryApi;

/** {@code /api/volunteers}: the volunteer registry within the caller's scope; personal data always masked. */
@RestController
@RequestMapping("/api/volunteers")
@Tag(name = "volunteers", description = """
		Volunteers in the caller's region scope; ID numbers and phones are masked. List: q (name, pinyin initials, \
		team or skill, exact volunteer number, ID number or phone), status (ACTIVE | SUSPENDED | WITHDRAWN). \
		Register: required name, idNumber (GB 11643-1999, registered once), regionCode (in scope); optional phone, \
		teams, skills, status; the answer carries the generated volunteerNumber. Edit: a blank idNumber or phone \
		keeps the stored one. Counts: volunteers (not withdrawn) per child region, by status.""")
class VolunteerApi extends RegistryApi<Volunteer, VolunteerInput> {

	VolunteerApi(VolunteerService volunteers, RegionInput regions) {
		super(volunteers, regions);
	}

}
