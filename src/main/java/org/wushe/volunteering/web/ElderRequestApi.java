package org.wushe.volunteering.web;

import java.net.URI;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionScope;
import org.wushe.volunteering.ElderRequests;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/timebank/requests}: key elders' service requests, the volunteers suggested for them, the match and the
 * confirmation that pays the service in time-bank minutes. Reads need {@code volunteering:view}, writes
 * {@code volunteering:manage}; requests outside the caller's scope answer 404.
 */
@RestController
@PreAuthorize("hasAuthority('volunteering:view')")
@Tag(name = "Time bank", description = "Key elders' service requests matched to volunteers")
@RequiredArgsConstructor
class ElderRequestApi {

	record AcceptInput(Long volunteerId, Long projectId) {
	}

	private final ElderRequests requests;

	@PostMapping("/api/timebank/requests")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<ElderRequests.Request> create(@RequestBody ElderRequests.RequestInput in, RegionScope scope) {
		ElderRequests.Request r = requests.create(scope, in);
		return ResponseEntity.created(URI.create("/api/timebank/requests/" + r.id())).body(r);
	}

	@GetMapping("/api/timebank/requests")
	List<ElderRequests.Request> list(RegionScope scope) {
		return requests.list(scope);
	}

	@GetMapping("/api/timebank/requests/{id}")
	ElderRequests.Request one(@PathVariable long id, RegionScope scope) {
		return requests.get(scope, id);
	}

	/** Volunteers with the skill, the elder's village first, then the township. */
	@GetMapping("/api/timebank/requests/{id}/suggestions")
	List<ElderRequests.Suggestion> suggestions(@PathVariable long id, RegionScope scope) {
		return requests.suggestions(scope, id, 20);
	}

	@PostMapping("/api/timebank/requests/{id}/accept")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ElderRequests.Request accept(@PathVariable long id, @RequestBody(required = false) AcceptInput in,
			RegionScope scope) {
		return requests.accept(scope, id, in == null ? null : in.volunteerId(), in == null ? null : in.projectId());
	}

	/**
	 * The service was given (optionally {@code {start, end, reason}}): the volunteer's hours are recorded and
	 * confirmed under the request's project, and the minutes are paid from the elder's account (the pool granting
	 * what it lacks).
	 */
	@PostMapping("/api/timebank/requests/{id}/confirm")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ElderRequests.Request confirm(@PathVariable long id, @RequestBody(required = false) ElderRequests.ServiceInput in,
			RegionScope scope) {
		return requests.confirm(scope, id, in);
	}

}
