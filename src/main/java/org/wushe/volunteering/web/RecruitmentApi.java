package org.wushe.volunteering.web;

import java.net.URI;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionScope;
import org.wushe.volunteering.Recruitment;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/projects/{id}/recruitment} and {@code /api/projects/{id}/signups}: a project's recruiting, volunteers'
 * sign-ups and the organizer's answers. Reads need {@code volunteering:view}, writes {@code volunteering:manage};
 * projects outside the caller's scope answer 404.
 */
@RestController
@PreAuthorize("hasAuthority('volunteering:view')")
@Tag(name = "Volunteering", description = "Recruiting and sign-ups of service projects")
@RequiredArgsConstructor
class RecruitmentApi {

	record ReasonInput(String reason) {
	}

	private final Recruitment recruitment;

	@GetMapping("/api/projects/{id}/recruitment")
	Recruitment.Recruiting recruiting(@PathVariable long id, RegionScope scope) {
		return recruitment.recruiting(scope, id);
	}

	/** Opens or closes recruiting: {@code {open, until?, requirements?}}. */
	@PutMapping("/api/projects/{id}/recruitment")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	Recruitment.Recruiting setRecruiting(@PathVariable long id, @RequestBody Recruitment.RecruitingInput in,
			RegionScope scope) {
		return recruitment.setRecruiting(scope, id, in);
	}

	@GetMapping("/api/projects/{id}/signups")
	List<Recruitment.Signup> signups(@PathVariable long id, RegionScope scope) {
		return recruitment.signups(scope, id);
	}

	/** Signs a volunteer up: {@code {volunteerId, note?}}; 409 when the project does not recruit or already has them. */
	@PostMapping("/api/projects/{id}/signups")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ResponseEntity<Recruitment.Signup> signUp(@PathVariable long id, @RequestBody Recruitment.SignupInput in,
			RegionScope scope) {
		Recruitment.Signup s = recruitment.signUp(scope, id, in);
		return ResponseEntity.created(URI.create("/api/projects/" + id + "/signups/" + s.id())).body(s);
	}

	@GetMapping("/api/projects/{id}/signups/{signupId}")
	Recruitment.Signup signup(@PathVariable long id, @PathVariable long signupId, RegionScope scope) {
		return recruitment.signup(scope, id, signupId);
	}

	/** Accepts a sign-up; 409 when the places are taken. */
	@PostMapping("/api/projects/{id}/signups/{signupId}/accept")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	Recruitment.Signup accept(@PathVariable long id, @PathVariable long signupId, RegionScope scope) {
		return recruitment.accept(scope, id, signupId);
	}

	/** Declines a sign-up with {@code {reason}}. */
	@PostMapping("/api/projects/{id}/signups/{signupId}/decline")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	Recruitment.Signup decline(@PathVariable long id, @PathVariable long signupId,
			@RequestBody(required = false) ReasonInput in, RegionScope scope) {
		return recruitment.decline(scope, id, signupId, in == null ? null : in.reason());
	}

}
