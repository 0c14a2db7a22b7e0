package org.wushe.actor.volunteer;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.personal.PersonalData;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegionInput;

/** {@code /api/volunteers}: the volunteer registry within the caller's scope; personal data always masked. */
@RestController
@RequestMapping("/api/volunteers")
@Tag(name = "volunteers", description = "Volunteers in the caller's region scope")
class VolunteerApi {

	record FullPersonalData(long id, String idNumber, String phone) {
	}

	private final VolunteerService volunteers;

	private final RegionInput regions;

	VolunteerApi(VolunteerService volunteers, RegionInput regions) {
		this.volunteers = volunteers;
		this.regions = regions;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "List volunteers in scope", description = """
			Filters: within (region code; outside the scope answers 404), q (name, pinyin initials, team or skill, \
			exact volunteer number, ID number or phone), status (ACTIVE | SUSPENDED | WITHDRAWN); offset/size (at \
			most 500). ID numbers and phones are masked.""")
	List<Volunteer> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal CurrentUser user) {
		return volunteers.list(new ListQuery(regions.narrow(user.scope(), within), q, "", status, offset, size))
			.rows();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Register a volunteer", description = """
			Required: name, idNumber (GB 11643-1999, registered once), regionCode (in scope). Optional: phone, \
			teams, skills, status. The answer carries the generated volunteerNumber and shows ID number and phone \
			masked.""")
	Volunteer create(@RequestBody VolunteerInput input, @AuthenticationPrincipal CurrentUser user) {
		return volunteers.register(input, user.scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "One volunteer in scope (404 outside)")
	Volunteer one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return volunteers.get(user.scope(), id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Edit a volunteer in scope", description = "A blank idNumber or phone keeps the stored one.")
	Volunteer update(@PathVariable long id, @RequestBody VolunteerInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return volunteers.update(id, input, user.scope());
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "Full ID number and phone (needs personal-data:view; every read is audited)")
	FullPersonalData personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Map<PersonalData.Kind, String> plain = volunteers.reveal(user, id);
		return new FullPersonalData(id, plain.get(PersonalData.Kind.ID_NUMBER), plain.get(PersonalData.Kind.PHONE));
	}

	@GetMapping("/counts")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "Volunteers (not withdrawn) per child region, by status")
	RegionBreakdown.Result counts(@RequestParam(required = false) String within,
			@AuthenticationPrincipal CurrentUser user) {
		return volunteers.counts(regions.narrow(user.scope(), within));
	}

}
