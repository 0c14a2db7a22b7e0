package org.wushe.actor.volunteer;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.access.CurrentUser;
import org.wushe.actor.registry.ListPages;
import org.wushe.actor.registry.RegionInput;
import org.wushe.actor.registry.RegistryPages;
import org.wushe.personal.PersonalData;

/** Volunteer pages: list, detail, register and edit, counts per region. */
@Controller
@RequestMapping("/volunteers")
class VolunteerController extends RegistryPages<Volunteer, VolunteerInput> {

	private final VolunteerService volunteers;

	VolunteerController(VolunteerService volunteers, ListPages lists, RegionInput regions) {
		super(volunteers, lists, regions, new Names("volunteers", "volunteer"),
				new Forms<>(VolunteerInput::empty, VolunteerInput::of, Volunteer::id));
		this.volunteers = volunteers;
	}

	@GetMapping("/{id}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	String reveal(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Map<PersonalData.Kind, String> plain = volunteers.reveal(user, id);
		model.addAttribute("idNumber", plain.get(PersonalData.Kind.ID_NUMBER));
		model.addAttribute("phone", plain.get(PersonalData.Kind.PHONE));
		return "actor/workers/show :: personal-data";
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
