package org.wushe.actor.worker;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.actor.Gender;
import org.wushe.personal.PersonalData;
import org.wushe.actor.Qualification;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.RegionInput;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;

/** Social-worker pages: list, detail with trainings, create and edit, counts per region. */
@Controller
class SocialWorkerController {

	static final int PAGE_SIZE = 50;

	private final SocialWorkerService workers;

	private final RegionInput regions;

	SocialWorkerController(SocialWorkerService workers, RegionInput regions) {
		this.workers = workers;
		this.regions = regions;
	}

	@GetMapping("/workers")
	@PreAuthorize("hasAuthority('actor:view')")
	String list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = regions.narrow(user.scope(), within);
		int p = Math.max(page, 0);
		model.addAttribute("result", workers.list(new ListQuery(scope, q, kind, status, p * PAGE_SIZE, PAGE_SIZE)));
		model.addAttribute("within", scope.root().value());
		model.addAttribute("withinName", regions.name(scope.root()));
		model.addAttribute("q", new ListQuery(scope, q, "", "", 0, 1).displayText());
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		options(model);
		return "actor/workers/list";
	}

	@GetMapping("/workers/{id}")
	@PreAuthorize("hasAuthority('actor:view')")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("worker", workers.get(user.scope(), id));
		model.addAttribute("trainings", workers.trainings(user.scope(), id));
		return "actor/workers/show";
	}

	@GetMapping("/workers/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	String reveal(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Map<PersonalData.Kind, String> plain = workers.reveal(user, id);
		model.addAttribute("idNumber", plain.get(PersonalData.Kind.ID_NUMBER));
		model.addAttribute("phone", plain.get(PersonalData.Kind.PHONE));
		return "actor/workers/show :: personal-data";
	}

	@PostMapping("/workers/{id}/trainings")
	@PreAuthorize("hasAuthority('actor:manage')")
	String addTraining(@PathVariable long id, TrainingInput training, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes flash) {
		try {
			workers.addTraining(user.scope(), id, training);
			flash.addFlashAttribute("flash", "actor.worker.training-added");
			return "redirect:/workers/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("worker", workers.get(user.scope(), id));
			model.addAttribute("trainings", workers.trainings(user.scope(), id));
			model.addAttribute("training", training);
			model.addAttribute("errors", ex.errors());
			return "actor/workers/show";
		}
	}

	@GetMapping("/workers/new")
	@PreAuthorize("hasAuthority('actor:manage')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", WorkerInput.empty(user.region().value()));
		options(model);
		return "actor/workers/form";
	}

	@PostMapping("/workers")
	@PreAuthorize("hasAuthority('actor:manage')")
	String create(WorkerInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		try {
			SocialWorker w = workers.register(form, user.scope());
			flash.addFlashAttribute("flash", "actor.worker.created");
			return "redirect:/workers/" + w.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", blankPersonalData(form));
			model.addAttribute("errors", ex.errors());
			options(model);
			return "actor/workers/form";
		}
	}

	@GetMapping("/workers/{id}/edit")
	@PreAuthorize("hasAuthority('actor:manage')")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		SocialWorker w = workers.get(user.scope(), id);
		model.addAttribute("form", WorkerInput.of(w));
		model.addAttribute("worker", w);
		options(model);
		return "actor/workers/form";
	}

	@PostMapping("/workers/{id}")
	@PreAuthorize("hasAuthority('actor:manage')")
	String update(@PathVariable long id, WorkerInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		SocialWorker existing = workers.get(user.scope(), id);
		try {
			workers.update(id, form, user.scope());
			flash.addFlashAttribute("flash", "actor.worker.updated");
			return "redirect:/workers/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", blankPersonalData(form));
			model.addAttribute("worker", existing);
			model.addAttribute("errors", ex.errors());
			options(model);
			return "actor/workers/form";
		}
	}

	@GetMapping("/workers/counts")
	@PreAuthorize("hasAuthority('actor:view')")
	String counts(@RequestParam(required = false) String within, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("counts", workers.counts(regions.narrow(user.scope(), within)));
		return "actor/workers/counts";
	}

	/** A form shown again after an error does not echo the typed ID number and phone into the page. */
	private static WorkerInput blankPersonalData(WorkerInput f) {
		return new WorkerInput(f.name(), f.gender(), "", "", f.qualification(), f.certificateNumber(), f.employerId(),
				f.regionCode(), f.post(), f.status(), f.siteIds());
	}

	private static void options(Model model) {
		model.addAttribute("genders", Gender.values());
		model.addAttribute("qualifications", Qualification.values());
		model.addAttribute("posts", WorkerPost.values());
		model.addAttribute("statuses", WorkerStatus.values());
	}

}
