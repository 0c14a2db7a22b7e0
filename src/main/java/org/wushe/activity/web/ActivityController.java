package org.wushe.activity.web;

import java.util.List;

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
import org.wushe.activity.Activity;
import org.wushe.activity.ActivityRollup;
import org.wushe.activity.ActivityService;
import org.wushe.activity.ServiceDomain;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.shared.InvalidInputException;

/**
 * Activity pages of a campaign: the list in scope with live totals, record, edit and delete.
 */
@Controller
class ActivityController {

	private static final int PAGE_SIZE = 100;

	private final ActivityService activities;

	private final ActivityRollup rollup;

	private final CampaignService campaigns;

	ActivityController(ActivityService activities, ActivityRollup rollup, CampaignService campaigns) {
		this.activities = activities;
		this.rollup = rollup;
		this.campaigns = campaigns;
	}

	/** One campaign with this user's live totals, for the start page of activity records. */
	record CampaignTotals(Campaign campaign, org.wushe.activity.ActivityTotals totals) {
	}

	@GetMapping("/activities")
	@PreAuthorize("hasAuthority('activity:view')")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<CampaignTotals> rows = campaigns.list(user.scope(), 0, 20)
			.stream()
			.map(c -> new CampaignTotals(c, rollup.totals(user.scope(), user.region(), yearBefore(c), yearAfter(c),
					c.id())))
			.toList();
		model.addAttribute("rows", rows);
		return "activity/home";
	}

	static java.time.LocalDate yearBefore(Campaign c) {
		return c.startDate().minusYears(1).withDayOfYear(1);
	}

	static java.time.LocalDate yearAfter(Campaign c) {
		return c.endDate().plusYears(1).withMonth(12).withDayOfMonth(31);
	}

	@GetMapping("/campaigns/{id}/activities")
	@PreAuthorize("hasAuthority('activity:view')")
	String list(@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		Campaign campaign = campaigns.get(user.scope(), id);
		RegionCode within = region == null || region.isBlank() ? user.region() : RegionCode.parse(region);
		int p = Math.max(page, 0);
		List<Activity> rows = activities.list(user.scope(), id, within, p * PAGE_SIZE, PAGE_SIZE + 1);
		model.addAttribute("campaign", campaign);
		model.addAttribute("activities", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
		model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
		model.addAttribute("page", p);
		model.addAttribute("within", within.value());
		model.addAttribute("total", activities.count(user.scope(), id, within));
		model.addAttribute("totals", rollup.totals(user.scope(), within, yearBefore(campaign),
				yearAfter(campaign), id));
		model.addAttribute("domains", ServiceDomain.values());
		return "activity/list";
	}

	@GetMapping("/campaigns/{id}/activities/new")
	@PreAuthorize("hasAuthority('activity:record')")
	String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", ActivityForm.empty(user.region().value()));
		return formPage(model, campaigns.get(user.scope(), id), null);
	}

	@PostMapping("/campaigns/{id}/activities")
	@PreAuthorize("hasAuthority('activity:record')")
	String create(@PathVariable long id, ActivityForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		Campaign campaign = campaigns.get(user.scope(), id);
		try {
			Activity a = activities.record(user.scope(), id, form.toInput(), user.getUsername());
			flash.addFlashAttribute("flash", a.outsideWindow() ? "activity.flash.recorded-outside" : "activity.flash.recorded");
			return "redirect:/campaigns/" + id + "/activities";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			return formPage(model, campaign, null);
		}
	}

	@GetMapping("/activities/{aid}/edit")
	@PreAuthorize("hasAuthority('activity:record')")
	String edit(@PathVariable long aid, @AuthenticationPrincipal CurrentUser user, Model model) {
		Activity a = activities.get(user.scope(), aid);
		model.addAttribute("form", ActivityForm.of(a));
		return formPage(model, campaigns.get(user.scope(), a.campaignId()), a);
	}

	@PostMapping("/activities/{aid}")
	@PreAuthorize("hasAuthority('activity:record')")
	String update(@PathVariable long aid, ActivityForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		Activity a = activities.get(user.scope(), aid);
		try {
			activities.update(user.scope(), aid, form.toInput(), user.getUsername());
			flash.addFlashAttribute("flash", "activity.flash.saved");
			return "redirect:/campaigns/" + a.campaignId() + "/activities";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			return formPage(model, campaigns.get(user.scope(), a.campaignId()), a);
		}
	}

	@PostMapping("/activities/{aid}/delete")
	@PreAuthorize("hasAuthority('activity:record')")
	String delete(@PathVariable long aid, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
		Activity a = activities.get(user.scope(), aid);
		activities.delete(user.scope(), aid);
		flash.addFlashAttribute("flash", "activity.flash.deleted");
		return "redirect:/campaigns/" + a.campaignId() + "/activities";
	}

	private static String formPage(Model model, Campaign campaign, Activity editing) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("editing", editing);
		model.addAttribute("domains", ServiceDomain.values());
		return "activity/form";
	}

}
