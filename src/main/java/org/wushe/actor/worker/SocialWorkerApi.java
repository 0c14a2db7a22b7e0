package org.wushe.actor.worker;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.region.RegionInput;
import org.wushe.actor.registry.RegistryApi;

/** {@code /api/workers}: the social-worker registry within the caller's scope; personal data always masked. */
@RestController
@RequestMapping("/api/workers")
@Tag(name = "workers", description = """
		Social workers in the caller's region scope; ID numbers and phones are masked. List: q (name, pinyin \
		initials, exact ID number or exact phone), kind (qualification: NONE | ASSISTANT_SOCIAL_WORKER | \
		SOCIAL_WORKER | SENIOR_SOCIAL_WORKER), status (ACTIVE | LEFT). Register: required name, gender \
		(MALE | FEMALE), idNumber (GB 11643-1999), qualification (certificateNumber needed unless NONE), regionCode \
		(in scope); optional phone, employerId (an organization in scope), post, status, siteIds. Edit: a blank \
		idNumber or phone keeps the stored one. Counts: active social workers per child region: total (all \
		professionals), certified, uncertified.""")
class SocialWorkerApi extends RegistryApi<SocialWorker, WorkerInput> {

	private final SocialWorkerService workers;

	SocialWorkerApi(SocialWorkerService workers, RegionInput regions) {
		super(workers, regions);
		this.workers = workers;
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

}
