package org.wushe.actor.volunteer;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.personal.PersonalData;
import org.wushe.actor.registry.RegionInput;
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

	record FullPersonalData(long id, String idNumber, String phone) {
	}

	private final VolunteerService volunteers;

	VolunteerApi(VolunteerService volunteers, RegionInput regions) {
		super(volunteers, regions);
		this.volunteers = volunteers;
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "Full ID number and phone (needs personal-data:view; every read is audited)")
	FullPersonalData personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Map<PersonalData.Kind, String> plain = volunteers.reveal(user, id);
		return new FullPersonalData(id, plain.get(PersonalData.Kind.ID_NUMBER), plain.get(PersonalData.Kind.PHONE));
	}

}
