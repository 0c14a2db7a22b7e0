package org.wushe.actor.volunteer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.actor.registry.ListPages;
import org.wushe.region.RegionInput;
import org.wushe.actor.registry.RegistryPages;

/** Volunteer pages: list, detail, register and edit, counts per region. */
@Controller
@RequestMapping("/volunteers")
class VolunteerController extends RegistryPages<Volunteer, VolunteerInput> {

	VolunteerController(VolunteerService volunteers, ListPages lists, RegionInput regions) {
		super(volunteers, lists, regions, new Names("volunteers", "volunteer"),
				new Forms<>(VolunteerInput::empty, VolunteerInput::of, Volunteer::id));
	}

	/** A form shown again after an error does not echo the typed ID number and phone into the page. */
	@Override
	protected VolunteerInput shown(VolunteerInput f) {
		return new VolunteerInput(f.name(), "", "", f.regionCode(), f.teams(), f.skills(), f.status());
	}

	@Override
	protected String countsPage(Model model) {
		return ListPages.counts(model, "volunteers", "volunteer",
				new VolunteerStatus[] { VolunteerStatus.ACTIVE, VolunteerStatus.SUSPENDED });
	}

	@Override
	protected void options(Model model) {
		model.addAttribute("statuses", VolunteerStatus.values());
	}

}
