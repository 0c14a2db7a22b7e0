package org.wushe.care.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.wushe.access.CurrentUser;
import org.wushe.care.CareCase;
import org.wushe.care.CaseInputs;
import org.wushe.care.CaseService;
import org.wushe.care.CaseStep;
import org.wushe.care.Caseloads;

/** {@code /api/cases}: casework within the caller's scope; a step from the wrong stage answers 409. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "care")
@RequiredArgsConstructor
class CaseApi {

	private final CaseService cases;

	private final Caseloads caseloads;

	@GetMapping("/caseload")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Open cases of one view with their overdue tasks",
			description = "view: MINE (taken in or accepted by me), STATION (my region and referred to it) or BELOW "
					+ "(regions below mine); region narrows the scope.")
	Caseloads.Caseload caseload(@RequestParam(required = false) String view,
			@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user) {
		return caseloads.of(user, user.scope().within(region, "region"), Caseloads.view(view), 500);
	}

	@GetMapping("/overdue")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Overdue tasks of one view",
			description = "No assessment 7 days after intake, plan not approved 14 days after intake, no service in "
					+ "30 days (wushe.care.overdue.*).")
	List<Caseloads.Overdue> overdue(@RequestParam(required = false) String view,
			@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user) {
		return caseloads.overdue(user, user.scope().within(region, "region"), Caseloads.view(view), 500);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Open a case (intake)", description = "{personId, reason, visitId?}; takes up the person's urgent alerts.")
	CareCase open(@RequestBody CaseInputs.Open body, @AuthenticationPrincipal CurrentUser user) {
		return cases.open(body, user);
	}

	@GetMapping
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Cases in scope", description = "region narrows the scope; stage and personId filter.")
	List<CareCase> list(@RequestParam(required = false) String region, @RequestParam(required = false) String stage,
			@RequestParam(required = false) Long personId, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal CurrentUser user) {
		return cases.list(user, user.scope().within(region, "region"), stage, personId, offset, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "One case with its events")
	CareCase one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return cases.get(user, id);
	}

	@PostMapping("/{id}/assessment")
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Assessment: safety, health, dailyLiving, economy, family, psychology 0–5; notes")
	CareCase assess(@PathVariable long id, @RequestBody CaseInputs.Assessment body,
			@AuthenticationPrincipal CurrentUser user) {
		return cases.assess(id, body, user);
	}

	@PostMapping("/{id}/plan")
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Service plan: goals, actions, who, byDate, notes; awaits a supervisor")
	CareCase plan(@PathVariable long id, @RequestBody CaseInputs.Plan body, @AuthenticationPrincipal CurrentUser user) {
		return cases.plan(id, body, user);
	}

	@PostMapping("/{id}/services")
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "A service: date, kind (INDIVIDUAL/GROUP/ACTIVITY), activityId?, notes")
	CareCase service(@PathVariable long id, @RequestBody CaseInputs.Service body,
			@AuthenticationPrincipal CurrentUser user) {
		return cases.service(id, body, user);
	}

	@PostMapping("/{id}/referrals")
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "A referral: toKind (STATION/ORGANIZATION/DEPARTMENT), to, reason")
	CareCase refer(@PathVariable long id, @RequestBody CaseInputs.Referral body,
			@AuthenticationPrincipal CurrentUser user) {
		return cases.refer(id, body, user);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Ask to close: reason, review; awaits a supervisor")
	CareCase close(@PathVariable long id, @RequestBody CaseInputs.Close body, @AuthenticationPrincipal CurrentUser user) {
		return cases.close(id, body, user);
	}

	@PostMapping({ "/{id}/plan/approve", "/{id}/plan/return", "/{id}/close/approve" })
	@PreAuthorize("hasAuthority('care:supervise') or hasAuthority('care:record')")
	@Operation(summary = "A supervisor's decision: approve the plan, return it with a reason, approve the closure",
			description = "Needs care:supervise, or an account marked as supervisor of the case's station or county "
					+ "(/api/care/supervisors); anyone else gets 403.")
	CareCase supervise(@PathVariable long id, @RequestBody(required = false) CaseInputs.Decision body,
			HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		return cases.decide(step(request), id, null, body, user);
	}

	@PostMapping({ "/{id}/reopen", "/{id}/referrals/{referralId}/accept", "/{id}/referrals/{referralId}/decline" })
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Reopen a closed case (reason), or accept a referral / decline it with a reason",
			description = "A referral to a station is decided by that station; one to an organization or a department "
					+ "is recorded by the referring side.")
	CareCase decide(@PathVariable long id, @PathVariable(required = false) Long referralId,
			@RequestBody(required = false) CaseInputs.Decision body, HttpServletRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return cases.decide(step(request), id, referralId, body, user);
	}

	@GetMapping("/referrals")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Referrals to stations in scope", description = "status: PENDING, ACCEPTED or DECLINED.")
	List<CaseService.IncomingReferral> incoming(@RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @AuthenticationPrincipal CurrentUser user) {
		return cases.incoming(user, user.scope().within(region, "region"), status);
	}

	/** The step a decision endpoint stands for, from the path pattern it was mapped by. */
	private static CaseStep step(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return CaseStep.ofPath(String.valueOf(pattern)).orElseThrow();
	}

}
