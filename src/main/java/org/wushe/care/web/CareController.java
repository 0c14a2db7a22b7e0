package org.wushe.care.web;

import java.util.List;

import lombok.RequiredArgsConstructor;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.actor.Gender;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.actor.WorkerDirectory;
import org.wushe.care.CareCase;
import org.wushe.care.CareCategories;
import org.wushe.care.CaseInputs;
import org.wushe.care.CaseService;
import org.wushe.care.CaseStep;
import org.wushe.care.Caseloads;
import org.wushe.care.Person;
import org.wushe.care.PersonHistory;
import org.wushe.care.PersonInput;
import org.wushe.care.PersonService;
import org.wushe.care.Relatives;
import org.wushe.care.RiskLevel;
import org.wushe.care.Stations;
import org.wushe.care.Visit;
import org.wushe.care.VisitDetails;
import org.wushe.care.VisitInput;
import org.wushe.care.Visits;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.UploadedFile;

/**
 * The care pages: people served (list, search, form, file with visits and cases), the one-minute visit form, the due
 * list and a case with its stage actions. Bad input is shown in place with status 422.
 */
@Controller
@RequiredArgsConstructor
class CareController {

	private static final int PAGE_SIZE = 50;

	private final PersonService persons;

	private final Visits visits;

	private final CaseService cases;

	private final CareCategories categories;

	private final Caseloads caseloads;

	private final WorkerDirectory workers;

	private final VolunteerDirectory volunteers;

	private final VisitDetails details;

	private final Relatives relatives;

	private final Stations stations;

	private final PersonHistory history;

	@GetMapping("/care/cases")
	@PreAuthorize("hasAuthority('care:view')")
	String caseload(@RequestParam(required = false) String view, @RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = user.scope().within(region, "region");
		Caseloads.View v = Caseloads.view(view);
		model.addAttribute("caseload", caseloads.of(user, scope, v, 500));
		if (v == Caseloads.View.BELOW) {
			model.addAttribute("stations", stations.of(scope));
		}
		model.addAttribute("views", Caseloads.View.values());
		model.addAttribute("region", scope.root().value());
		return "care/cases";
	}

	@GetMapping("/care/persons")
	@PreAuthorize("hasAuthority('care:view')")
	String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = user.scope().within(region, "region");
		int p = Math.max(0, page);
		model.addAttribute("persons", persons.list(scope, q, category, p * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("region", scope.root().value());
		model.addAttribute("q", q);
		model.addAttribute("category", category);
		model.addAttribute("page", p);
		model.addAttribute("pageSize", PAGE_SIZE);
		model.addAttribute("categories", categories.of(user.region()));
		model.addAttribute("alerts", visits.alerts(scope, 20));
		return "care/persons";
	}

	@GetMapping("/care/persons/new")
	@PreAuthorize("hasAuthority('care:record')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(model, new PersonInput(user.region().value(), "", "", "", "", "", "", "", List.of(), "LOW", "",
				null), List.of(), user);
	}

	private String form(Model model, PersonInput form, List<org.wushe.shared.FieldError> errors, CurrentUser user) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", categories.of(user.region()));
		model.addAttribute("genders", Gender.values());
		model.addAttribute("risks", RiskLevel.values());
		return "care/person-form";
	}

	@PostMapping("/care/persons")
	@PreAuthorize("hasAuthority('care:record')")
	String create(PersonInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		try {
			Person p = persons.register(form, user.scope());
			return "redirect:/care/persons/" + p.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			PersonInput blank = new PersonInput(form.regionCode(), form.name(), form.gender(), form.birthDate(), "",
					"", "", "", form.categories(), form.riskLevel(), form.livingSituation(), form.guardianConsent());
			return form(model, blank, ex.errors(), user);
		}
	}

	@GetMapping("/care/persons/{id}")
	@PreAuthorize("hasAuthority('care:view')")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		if (!persons.inScope(user.scope(), id)) {
			// a region the person was transferred out of still sees its side of the history
			PersonHistory.Moved moved = history.movedAway(user.scope(), id).orElseThrow(() -> PersonService.unknown(id));
			model.addAttribute("moved", moved);
			return "care/person-moved";
		}
		return show(id, user, model, List.of());
	}

	/** Moves the person to another township or village; a region that no longer covers them sees the move. */
	@PostMapping("/care/persons/{id}/transfer")
	@PreAuthorize("hasAuthority('care:record')")
	String transfer(@PathVariable long id, @RequestParam(defaultValue = "") String regionCode,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		try {
			persons.transfer(id, regionCode, user.scope());
			flash.addFlashAttribute("flash", "care.transfer.done");
			return "redirect:/care/persons/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("transferTo", regionCode);
			return show(id, user, model, ex.errors());
		}
	}

	String show(long id, CurrentUser user, Model model, List<org.wushe.shared.FieldError> errors) {
		model.addAttribute("person", persons.get(user.scope(), id));
		List<Visit> visitList = visits.of(user, id);
		model.addAttribute("visits", visitList);
		model.addAttribute("casesFromVisits", cases.openedFrom(visitList.stream().map(Visit::id).toList()));
		model.addAttribute("cases", cases.list(user, user.scope(), null, id, 0, 50));
		model.addAttribute("categories", categories.all());
		model.addAttribute("errors", errors);
		model.addAttribute("today", persons.today());
		model.addAttribute("family", relatives.of(user.scope(), id));
		model.addAttribute("history", history.of(user.scope(), id));
		if (!model.containsAttribute("relativeForm")) {
			model.addAttribute("relativeForm", new Relatives.Input("", "", "", null, false));
		}
		// the visit form's choices, read only for those who may record a visit
		boolean records = user.can(Permissions.CARE_RECORD);
		model.addAttribute("workers", records ? workers.list(user.scope(), 200) : List.of());
		model.addAttribute("volunteers", records ? volunteers.list(user.scope(), 200) : List.of());
		model.addAttribute("photoMaxSize", details.maxSize());
		return "care/person";
	}

	@PostMapping("/care/persons/{id}/visits")
	@PreAuthorize("hasAuthority('care:record')")
	String visit(@PathVariable long id, VisitInput form,
			@RequestParam(name = "visitPhotos", required = false) List<MultipartFile> photos,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		try {
			visits.record(id, form, UploadedFile.all(photos == null ? List.of() : photos), user);
			flash.addFlashAttribute("flash", "care.visit.recorded");
			return "redirect:/care/persons/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(id, user, model, ex.errors());
		}
	}

	@GetMapping("/care/visits/due")
	@PreAuthorize("hasAuthority('care:view')")
	String due(@RequestParam(required = false) String region, @RequestParam(defaultValue = "7") int within,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = user.scope().within(region, "region");
		int w = Math.max(0, Math.min(within, 366));
		model.addAttribute("due", visits.due(scope, w, 500));
		model.addAttribute("stations", stations.of(scope));
		model.addAttribute("region", scope.root().value());
		model.addAttribute("within", w);
		return "care/due";
	}

	@PostMapping("/care/cases")
	@PreAuthorize("hasAuthority('care:record')")
	String open(CaseInputs.Open form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		try {
			return "redirect:/care/cases/" + cases.open(form, user).id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(form.personId(), user, model, ex.errors());
		}
	}

	@GetMapping("/care/cases/{id}")
	@PreAuthorize("hasAuthority('care:view')")
	String kase(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return kase(id, user, model, List.of());
	}

	private String kase(long id, CurrentUser user, Model model, List<org.wushe.shared.FieldError> errors) {
		CareCase kase = cases.get(user, id);
		model.addAttribute("kase", kase);
		model.addAttribute("supervises", cases.supervises(user, kase));
		model.addAttribute("errors", errors);
		model.addAttribute("today", persons.today());
		return "care/case";
	}

	@PostMapping("/care/cases/{id}/{step}")
	@PreAuthorize("hasAuthority('care:record') or hasAuthority('care:supervise')")
	String step(@PathVariable long id, @PathVariable String step, CaseForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
		try {
			CaseStep to = CaseStep.ofForm(step).orElseThrow(() -> CaseService.unknown(id));
			CaseInputs.Decision decision = new CaseInputs.Decision(form.reason());
			switch (to) {
				case ASSESS -> cases.assess(id, new CaseInputs.Assessment(form.safety(), form.health(),
						form.dailyLiving(), form.economy(), form.family(), form.psychology(), form.notes()), user);
				case PLAN -> cases.plan(id,
						new CaseInputs.Plan(form.goals(), form.actions(), form.who(), form.byDate(), form.notes()),
						user);
				case SERVICE -> cases.service(id,
						new CaseInputs.Service(form.date(), form.kind(), form.activityId(), form.notes()), user);
				case REFERRAL -> cases.refer(id, new CaseInputs.Referral(form.toKind(), form.to(), form.reason()),
						user);
				case CLOSE -> cases.close(id, new CaseInputs.Close(form.reason(), form.review()), user);
				default -> cases.decide(to, id, form.referralId(), decision, user);
			}
			return "redirect:/care/cases/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return kase(id, user, model, ex.errors());
		}
	}

	/** Every field any stage form may post. */
	record CaseForm(Integer safety, Integer health, Integer dailyLiving, Integer economy, Integer family,
			Integer psychology, String notes, String goals, String actions, String who, String byDate, String reason,
			String date, String kind, Long activityId, String toKind, String to, String review, Long referralId) {
	}

}
