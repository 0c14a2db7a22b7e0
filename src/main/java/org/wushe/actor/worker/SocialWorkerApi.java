package org.wushe.actor.worker;

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

/** {@code /api/workers}: the social-worker registry within the caller's scope; personal data always masked. */
@RestController
@RequestMapping("/api/workers")
@Tag(name = "workers", description = "Social workers in the caller's region scope")
class SocialWorkerApi {

	record FullPersonalData(long id, String idNumber, String phone) {
	}

	private final SocialWorkerService workers;

	private final RegionInput regions;

	SocialWorkerApi(SocialWorkerService workers, RegionInput regions) {
		this.workers = workers;
		this.regions = regions;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "List social workers in scope", description = """
			Filters: within (region code; outside the scope answers 404), q (name, pinyin initials, exact ID number \
			or exact phone), kind (qualification: NONE | ASSISTANT_SOCIAL_WORKER | SOCIAL_WORKER | \
			SENIOR_SOCIAL_WORKER), status (ACTIVE | LEFT); offset/size (at most 500). ID numbers and phones are \
			masked.""")
	List<SocialWorker> list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			@AuthenticationPrincipal CurrentUser user) {
		return workers.list(new ListQuery(regions.narrow(user.scope(), within), q, kind, status, offset, size)).rows();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Register a social worker", description = """
			Required: name, gender (MALE | FEMALE), idNumber (GB 11643-1999), qualification (NONE | \
			ASSISTANT_SOCIAL_WORKER | SOCIAL_WORKER | SENIOR_SOCIAL_WORKER; certificateNumber needed unless NONE), \
			regionCode (in scope). Optional: phone, employerId (an organization in scope), post, status, siteIds. \
			The answer shows ID number and phone masked.""")
	SocialWorker create(@RequestBody WorkerInput input, @AuthenticationPrincipal CurrentUser user) {
		return workers.register(input, user.scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "One social worker in scope (404 outside)")
	SocialWorker one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return workers.get(user.scope(), id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Edit a social worker in scope", description = "A blank idNumber or phone keeps the stored one.")
	SocialWorker update(@PathVariable long id, @RequestBody WorkerInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return workers.update(id, input, user.scope());
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "Full ID number and phone (needs personal-data:view; every read is audited)")
	FullPersonalData personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Map<PersonalData.Kind, String> plain = workers.reveal(user, id);
		return new FullPersonalData(id, plain.get(PersonalData.Kind.ID_NUMBER), plain.get(PersonalData.Kind.PHONE));
	}

	@GetMapping("/{id}/trainings")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "Training records of a social worker in scope")
	List<Training> trainings(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return workers.trainings(user.scope(), id);
	}

	@PostMapping("/{id}/trainings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('actor:manage')")
	@Operation(summary = "Add a training record (course, hours, takenOn)")
	Training addTraining(@PathVariable long id, @RequestBody TrainingInput input,
			@AuthenticationPrincipal CurrentUser user) {
		return workers.addTraining(user.scope(), id, input);
	}

	@GetMapping("/counts")
	@PreAuthorize("hasAuthority('actor:view')")
	@Operation(summary = "Active social workers per child region: total (all professionals), certified, uncertified")
	RegionBreakdown.Result counts(@RequestParam(required = false) String within,
			@AuthenticationPrincipal CurrentUser user) {
		return workers.counts(regions.narrow(user.scope(), within));
	}

}
