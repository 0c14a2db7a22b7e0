package org.wushe.actor.organization;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.actor.OrganizationKind;
import org.wushe.actor.registry.ListPages;
import org.wushe.region.RegionInput;
import org.wushe.actor.registry.RegistryPages;

/** Organization pages: list with filters, detail, create and edit, counts per region and kind. */
@Controller
@RequestMapping("/organizations")
class OrganizationController extends RegistryPages<Organization, OrganizationInput> {

	OrganizationController(OrganizationService organizations, ListPages lists, RegionInput regions) {
		super(organizations, lists, regions, new Names("organizations", "organization"),
				new Forms<>(OrganizationInput::empty, OrganizationInput::of, Organization::id));
	}

	@Override
	protected String created(Organization organization) {
		return organization.creditCodeWarning() ? "actor.organization.created-with-warning"
				: "actor.organization.created";
	}

	@Override
	protected String revealed(Object data, Model model) {
		String phone = ((OrganizationService.ContactPhone) data).contactPhone();
		model.addAttribute("phone", phone == null ? "" : phone);
		return "actor/organizations/show :: full-phone";
	}

	@Override
	protected String countsPage(Model model) {
		return ListPages.counts(model, "organizations", "organization", OrganizationKind.values());
	}

	@Override
	protected void options(Model model) {
		model.addAttribute("kinds", OrganizationKind.values());
		model.addAttribute("statuses", OrganizationStatus.values());
		model.addAttribute("domains", Arrays.asList(OrganizationDomain.values()));
	}

}
