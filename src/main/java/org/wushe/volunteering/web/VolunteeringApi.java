package org.wushe.volunteering.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionScope;
import org.wushe.volunteering.HoursService;
import org.wushe.volunteering.ProjectService;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/volunteer-teams}, {@code /api/projects} and the hours recorded under them. Reads need
 * {@code volunteering:view}, writes {@code volunteering:manage}; everything is limited to the caller's scope, and ids
 * outside it answer 404.
 */
@RestController
@PreAuthorize("hasAuthority('volunteering:view')")
@Tag(name = "Volunteering", description = "Volunteer teams, service projects and recorded service hours")
@RequiredArgsConstructor
class VolunteeringApi {

	record MemberInput(Long volunteerId, String joinedOn, String leftOn) {
	}

	record ReasonInput(String reason) {
	}

	private final ProjectService projects;

	private final HoursService hours;

	@PostMapping("/api/volunteer-teams")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<ProjectService.Team> createTeam(@RequestBody ProjectService.TeamInput in, RegionScope scope) {
		ProjectService.Team t = projects.createTeam(in, scope);
		return ResponseEntity.created(URI.create("/api/volunteer-teams/" + t.id())).body(t);
	}

	@GetMapping("/api/volunteer-teams")
	List<ProjectService.Team> teams(RegionScope scope) {
		return projects.teams(scope);
	}

	@GetMapping("/api/volunteer-teams/{id}")
	ProjectService.Team team(@PathVariable long id, RegionScope scope) {
		return projects.team(scope, id);
	}

	@PutMapping("/api/volunteer-teams/{id}")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ProjectService.Team updateTeam(@PathVariable long id, @RequestBody ProjectService.TeamInput in, RegionScope scope) {
		return projects.updateTeam(scope, id, in);
	}

	@GetMapping("/api/volunteer-teams/{id}/members")
	List<ProjectService.Member> members(@PathVariable long id, RegionScope scope) {
		return projects.members(scope, id);
	}

	@PostMapping("/api/volunteer-teams/{id}/members")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<ProjectService.Member> join(@PathVariable long id, @RequestBody MemberInput in,
			RegionScope scope) {
		return ResponseEntity.status(HttpStatus.CREATED).body(projects.join(scope, id, in.volunteerId(), in.joinedOn()));
	}

	@PostMapping("/api/volunteer-teams/{id}/members/{volunteerId}/leave")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ProjectService.Member leave(@PathVariable long id, @PathVariable long volunteerId,
			@RequestBody(required = false) MemberInput in, RegionScope scope) {
		return projects.leave(scope, id, volunteerId, in == null ? null : in.leftOn());
	}

	@PostMapping("/api/projects")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<ProjectService.Project> createProject(@RequestBody ProjectService.ProjectInput in,
			RegionScope scope) {
		ProjectService.Project p = projects.createProject(in, scope);
		return ResponseEntity.created(URI.create("/api/projects/" + p.id())).body(p);
	}

	@GetMapping("/api/projects")
	List<ProjectService.Project> projects(RegionScope scope) {
		return projects.projects(scope);
	}

	@GetMapping("/api/projects/{id}")
	ProjectService.Project project(@PathVariable long id, RegionScope scope) {
		return projects.project(scope, id);
	}

	/** Edits a project; its region, organizer and time-bank flag stay as created. */
	@PutMapping("/api/projects/{id}")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ProjectService.Project updateProject(@PathVariable long id, @RequestBody ProjectService.ProjectInput in,
			RegionScope scope) {
		return projects.updateProject(scope, id, in);
	}

	@GetMapping("/api/projects/{id}/hours")
	List<HoursService.Record> projectHours(@PathVariable long id, RegionScope scope) {
		return hours.ofProject(scope, id);
	}

	/**
	 * Records an attendance sheet. All or nothing: when any entry is refused, the answer is 400 with every refusal
	 * and nothing is stored; with {@code ?mode=valid} the valid entries are stored and the others listed.
	 */
	@PostMapping("/api/projects/{id}/hours")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<HoursService.Outcome> record(@PathVariable long id, @RequestParam(required = false) String mode,
			@RequestBody List<HoursService.Entry> entries, RegionScope scope) {
		boolean validOnly = "valid".equalsIgnoreCase(mode);
		HoursService.Outcome o = hours.record(scope, id, entries, validOnly);
		if (!o.rejected().isEmpty() && !validOnly) {
			throw hours.refused(o);
		}
		return ResponseEntity.status(o.recorded().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(o);
	}

	@PostMapping("/api/hours/{id}/confirm")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	HoursService.Record confirm(@PathVariable long id, @RequestBody(required = false) ReasonInput in,
			RegionScope scope) {
		return hours.confirm(scope, id, in == null ? null : in.reason());
	}

	@PostMapping("/api/hours/{id}/dispute")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	HoursService.Record dispute(@PathVariable long id, @RequestBody(required = false) ReasonInput in,
			RegionScope scope) {
		return hours.dispute(scope, id, in == null ? null : in.reason());
	}

	@PostMapping("/api/hours/{id}/reverse")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<HoursService.Record> reverse(@PathVariable long id, @RequestBody(required = false) ReasonInput in,
			RegionScope scope) {
		return ResponseEntity.status(HttpStatus.CREATED).body(hours.reverse(scope, id, in == null ? null : in.reason()));
	}

	@GetMapping("/api/hours/{id}")
	HoursService.Record one(@PathVariable long id, RegionScope scope) {
		return hours.get(scope, id);
	}

	@GetMapping("/api/volunteers/{id}/hours")
	HoursService.Statement volunteerHours(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, RegionScope scope) {
		FieldChecks c = new FieldChecks();
		LocalDate f = c.date("from", from, null, false);
		LocalDate t = c.date("to", to, null, false);
		c.throwIfAny();
		return hours.ofVolunteer(scope, id, f == null ? LocalDate.of(2000, 1, 1) : f,
				t == null ? LocalDate.of(2999, 12, 31) : t);
	}

}
