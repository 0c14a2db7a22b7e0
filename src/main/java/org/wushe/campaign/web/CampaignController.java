package org.wushe.campaign.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
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
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.personal.PersonalFragment;
import org.wushe.region.RegionLevel;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ListPage;

/** Campaign pages: the list in scope, the create and edit form, and the detail page. */
@Controller
@RequiredArgsConstructor
class CampaignController {

	private static final int PAGE_SIZE = 50;

	private final CampaignService campaigns;

	private final java.time.Clock clock;

	private final org.wushe.campaign.ProgressReports reports;

	@GetMapping("/campaigns")
	@PreAuthorize("hasAuthority('campaign:view')")
	String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		ListPage p = new ListPage(page, PAGE_SIZE);
		p.show(model, "campaigns", campaigns.list(user.scope(), p.offset(), p.limit()));
		model.addAttribute("now", java.time.Instant.now(clock));
		model.addAttribute("reminders",
				user.can("report:submit") ? reports.reminders(user.scope(), user.region()) : List.of());
		return "campaign/list";
	}

	@GetMapping("/campaigns/new")
	@PreAuthorize("hasAuthority('campaign:manage')")
	String form(@RequestParam(required = false) Long parent, @AuthenticationPrincipal CurrentUser user, Model model) {
		Campaign parentCampaign = parent == null ? null : campaigns.get(user.scope(), parent);
		model.addAttribute("form", CampaignForm.empty(user.region().value(), parentCampaign));
		model.addAttribute("parent", parentCampaign);
		return formPage(model, null);
	}

	@PostMapping("/campaigns")
	@PreAuthorize("hasAuthority('campaign:manage')")
	String create(CampaignForm form, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		try {
			long id = campaigns.create(user.scope(), form.toInput(), user.getUsername());
			flash.addFlashAttribute("flash", "campaign.flash.created");
			return "redirect:/campaigns/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			model.addAttribute("parent", form.parentId() == null ? null : campaigns.get(user.scope(), form.parentId()));
			return formPage(model, null);
		}
	}

	@GetMapping("/campaigns/{id}")
	@PreAuthorize("hasAuthority('campaign:view')")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Campaign campaign = campaigns.get(user.scope(), id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("parent", campaign.parentId() == null ? null
				: campaigns.find(user.scope(), campaign.parentId()).orElse(null));
		model.addAttribute("locals", campaigns.localCampaigns(user.scope(), id));
		model.addAttribute("manageable", CampaignService.isManageable(user.scope(), campaign));
		model.addAttribute("canRunLocal", campaign.region().contains(user.region())
				&& !campaign.region().equals(user.region()));
		org.wushe.region.RegionCode unit = campaign.reportingUnitOf(user.region());
		model.addAttribute("unit", unit != null && user.scope().covers(unit) ? unit : null);
		model.addAttribute("now", java.time.Instant.now(clock));
		return "campaign/show";
	}

	/** The full contact phone for the page's button (audited). */
	@GetMapping("/campaigns/{id}/contact-phone")
	@PreAuthorize("hasAuthority('campaign:view') and hasAuthority('personal-data:view')")
	String contactPhone(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return PersonalFragment.revealed(model, "contact-phone", campaigns.revealContactPhone(user, id));
	}

	@GetMapping("/campaigns/{id}/edit")
	@PreAuthorize("hasAuthority('campaign:manage')")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Campaign campaign = manageable(user, id);
		model.addAttribute("form", CampaignForm.of(campaign));
		model.addAttribute("parent", null);
		return formPage(model, campaign);
	}

	@PostMapping("/campaigns/{id}")
	@PreAuthorize("hasAuthority('campaign:manage')")
	String update(@PathVariable long id, CampaignForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		Campaign campaign = manageable(user, id);
		try {
			campaigns.update(user.scope(), id, form.toInput(), user.getUsername());
			flash.addFlashAttribute("flash", "campaign.flash.saved");
			return "redirect:/campaigns/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			model.addAttribute("parent", null);
			return formPage(model, campaign);
		}
	}

	private Campaign manageable(CurrentUser user, long id) {
		Campaign campaign = campaigns.get(user.scope(), id);
		if (!CampaignService.isManageable(user.scope(), campaign)) {
			throw BusinessException.forbidden("campaign.error.not-yours");
		}
		return campaign;
	}

	private static String formPage(Model model, Campaign editing) {
		model.addAttribute("editing", editing);
		model.addAttribute("levels", List.of(RegionLevel.PROVINCE, RegionLevel.PREFECTURE, RegionLevel.COUNTY,
				RegionLevel.TOWNSHIP, RegionLevel.VILLAGE));
		return "campaign/form";
	}

}
