package org.wushe.actor.organization;

import java.util.Arrays;

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
import org.wushe.actor.OrganizationKind;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.RegionInput;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;

/** Organization pages: list with filters, detail, create and edit, counts per region and kind. */
@Controller
class OrganizationController {

	static final int PAGE_SIZE = 50;

	private final OrganizationService organizations;

	private final RegionInput regions;

	OrganizationController(OrganizationService organizations, RegionInput regions) {
		this.organizations = organizations;
		this.regions = regions;
	}

	@GetMapping("/organizations")
	@PreAuthorize("hasAuthority('actor:view')")
	String list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = regions.narrow(user.scope(), within);
		int p = Math.max(page, 0);
		model.addAttribute("result",
				organizations.list(new ListQuery(scope, q, kind, status, p * PAGE_SIZE, PAGE_SIZE)));
		model.addAttribute("within", scope.root().value());
		model.addAttribute("withinName", regions.name(scope.root()));
		model.addAttribute("q", new ListQuery(scope, q, "", "", 0, 1).displayText());
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("page", p);
		options(model);
		return "actor/organizations/list";
	}

	@GetMapping("/organizations/{id}")
	@PreAuthorize("hasAuthority('actor:view')")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("organization", organizations.get(user.scope(), id));
		return "actor/organizations/show";
	}

	@GetMapping("/organizations/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	String reveal(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("phone", organizations.revealContactPhone(user, id).orElse(""));
		return "actor/organizations/show :: full-phone";
	}

	@GetMapping("/organizations/new")
	@PreAuthorize("hasAuthority('actor:manage')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", OrganizationInput.empty(user.region().value()));
		options(model);
		return "actor/organizations/form";
	}

	@PostMapping("/organizations")
	@PreAuthorize("hasAuthority('actor:manage')")
	String create(OrganizationInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		try {
			Organization o = organizations.register(form, user.scope());
			flash.addFlashAttribute("flash", o.creditCodeWarning() ? "actor.organization.created-with-warning"
					: "actor.organization.created");
			return "redirect:/organizations/" + o.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			options(model);
			return "actor/organizations/form";
		}
	}

	@GetMapping("/organizations/{id}/edit")
	@PreAuthorize("hasAuthority('actor:manage')")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Organization o = organizations.get(user.scope(), id);
		model.addAttribute("form", OrganizationInput.of(o));
		model.addAttribute("organization", o);
		options(model);
		return "actor/organizations/form";
	}

	@PostMapping("/organizations/{id}")
	@PreAuthorize("hasAuthority('actor:manage')")
	String update(@PathVariable long id, OrganizationInput form, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes flash) {
		Organization existing = organizations.get(user.scope(), id);
		try {
			organizations.update(id, form, user.scope());
			flash.addFlashAttribute("flash", "actor.organization.updated");
			return "redirect:/organizations/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("organization", existing);
			model.addAttribute("errors", ex.errors());
			options(model);
			return "actor/organizations/form";
		}
	}

	@GetMapping("/organizations/counts")
	@PreAuthorize("hasAuthority('actor:view')")
	String counts(@RequestParam(required = false) String within, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("counts", organizations.counts(regions.narrow(user.scope(), within)));
		model.addAttribute("kinds", OrganizationKind.values());
		return "actor/organizations/counts";
	}

	private static void options(Model model) {
		model.addAttribute("kinds", OrganizationKind.values());
		model.addAttribute("statuses", OrganizationStatus.values());
		model.addAttribute("domains", Arrays.asList(OrganizationDomain.values()));
	}

}
