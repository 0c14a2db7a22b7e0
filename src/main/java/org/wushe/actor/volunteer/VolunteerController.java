package org.wushe.actor.volunteer;

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
import org.wushe.personal.PersonalData;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.RegionInput;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;

/** Volunteer pages: list, detail, register and edit, counts per region. */
@Controller
class VolunteerController {

	static final int PAGE_SIZE = 50;

	private final VolunteerService volunteers;

	private final RegionInput regions;

	VolunteerController(VolunteerService volunteers, RegionInput regions) {
		this.volunteers = volunteers;
		this.regions = regions;
	}

	@GetMapping("/volunteers")
	@PreAuthorize("hasAuthority('actor:view')")
	String list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = regions.narrow(user.scope(), within);
		int p = Math.max(page, 0);
		model.addAttribute("result", volunteers.list(new ListQuery(scope, q, "", status, p * PAGE_SIZE, PAGE_SIZE)));
		model.addAttribute("within", scope.root().value());
		model.addAttribute("withinName", regions.name(scope.root()));
		model.addAttribute("q", new ListQuery(scope, q, "", "", 0, 1).displayText());
		model.addAttribute("kind", "");
		model.addAttribute("status", status);
		model.addAttribute("statuses", VolunteerStatus.values());
		return "actor/volunteers/list";
	}

	@GetMapping("/volunteers/{id}")
	@PreAuthorize("hasAuthority('actor:view')")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("volunteer", volunteers.get(user.scope(), id));
		return "actor/volunteers/show";
	}

	@GetMapping("/volunteers/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	String reveal(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Map<PersonalData.Kind, String> plain = volunteers.reveal(user, id);
		model.addAttribute("idNumber", plain.get(PersonalData.Kind.ID_NUMBER));
		model.addAttribute("phone", plain.get(PersonalData.Kind.PHONE));
		return "actor/workers/show :: personal-data";
	}

	@GetMapping("/volunteers/new")
	@PreAuthorize("hasAuthority('actor:manage')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", VolunteerInput.empty(user.region().value()));
		model.addAttribute("statuses", VolunteerStatus.values());
		return "actor/volunteers/form";
	}

	@PostMapping("/volunteers")
	@PreAuthorize("hasAuthority('actor:manage')")
	String create(VolunteerInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		try {
			Volunteer v = volunteers.register(form, user.scope());
			flash.addFlashAttribute("flash", "actor.volunteer.created");
			return "redirect:/volunteers/" + v.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", blankPersonalData(form));
			model.addAttribute("errors", ex.errors());
			model.addAttribute("statuses", VolunteerStatus.values());
			return "actor/volunteers/form";
		}
	}

	@GetMapping("/volunteers/{id}/edit")
	@PreAuthorize("hasAuthority('actor:manage')")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Volunteer v = volunteers.get(user.scope(), id);
		model.addAttribute("form", VolunteerInput.of(v));
		model.addAttribute("volunteer", v);
		model.addAttribute("statuses", VolunteerStatus.values());
		return "actor/volunteers/form";
	}

	@PostMapping("/volunteers/{id}")
	@PreAuthorize("hasAuthority('actor:manage')")
	String update(@PathVariable long id, VolunteerInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		Volunteer existing = volunteers.get(user.scope(), id);
		try {
			volunteers.update(id, form, user.scope());
			flash.addFlashAttribute("flash", "actor.volunteer.updated");
			return "redirect:/volunteers/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", blankPersonalData(form));
			model.addAttribute("volunteer", existing);
			model.addAttribute("errors", ex.errors());
			model.addAttribute("statuses", VolunteerStatus.values());
			return "actor/volunteers/form";
		}
	}

	@GetMapping("/volunteers/counts")
	@PreAuthorize("hasAuthority('actor:view')")
	String counts(@RequestParam(required = false) String within, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("counts", volunteers.counts(regions.narrow(user.scope(), within)));
		model.addAttribute("statuses", new VolunteerStatus[] { VolunteerStatus.ACTIVE, VolunteerStatus.SUSPENDED });
		return "actor/volunteers/counts";
	}

	private static VolunteerInput blankPersonalData(VolunteerInput f) {
		return new VolunteerInput(f.name(), "", "", f.regionCode(), f.teams(), f.skills(), f.status());
	}

}
