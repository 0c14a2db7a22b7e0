package org.wushe.actor.worker;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.actor.Gender;
import org.wushe.actor.Qualification;
import org.wushe.actor.registry.ListPages;
import org.wushe.region.RegionInput;
import org.wushe.actor.registry.RegistryPages;
import org.wushe.shared.InvalidInputException;

/** Social-worker pages: list, detail with trainings, create and edit, counts per region. */
@Controller
@RequestMapping("/workers")
class SocialWorkerController extends RegistryPages<SocialWorker, WorkerInput> {

	private final SocialWorkerService workers;

	SocialWorkerController(SocialWorkerService workers, ListPages lists, RegionInput regions) {
		super(workers, lists, regions, new Names("workers", "worker"),
				new Forms<>(WorkerInput::empty, WorkerInput::of, SocialWorker::id));
		this.workers = workers;
	}

	@PostMapping("/{id}/trainings")
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

	@Override
	protected void details(CurrentUser user, long id, Model model) {
		model.addAttribute("trainings", workers.trainings(user.scope(), id));
	}

	/** A form shown again after an error does not echo the typed ID number and phone into the page. */
	@Override
	protected WorkerInput shown(WorkerInput f) {
		return new WorkerInput(f.name(), f.gender(), "", "", f.qualification(), f.certificateNumber(), f.employerId(),
				f.regionCode(), f.post(), f.status(), f.siteIds());
	}

	@Override
	protected String countsPage(Model model) {
		return "actor/workers/counts";
	}

	@Override
	protected void options(Model model) {
		model.addAttribute("genders", Gender.values());
		model.addAttribute("qualifications", Qualification.values());
		model.addAttribute("posts", WorkerPost.values());
		model.addAttribute("statuses", WorkerStatus.values());
	}

}
