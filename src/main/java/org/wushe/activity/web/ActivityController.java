package org.wushe.activity.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.wushe.activity.Activity;
import org.wushe.activity.ActivityPhoto;
import org.wushe.activity.ActivityPhotos;
import org.wushe.activity.ActivityRollup;
import org.wushe.activity.ActivityService;
import org.wushe.activity.ServiceDomain;
import org.wushe.actor.OrganizationDirectory;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ListPage;
import org.wushe.shared.upload.Downloads;
import org.wushe.shared.upload.UploadedFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Activity pages of a campaign: the list in scope with live totals, record, edit and delete; one record with its
 * organizations and photos; the organization picker of the form.
 */
@Controller
@RequiredArgsConstructor
class ActivityController {

	private static final int PAGE_SIZE = 100;

	private final ActivityService activities;

	private final ActivityRollup rollup;

	private final CampaignService campaigns;

	private final ActivityPhotos photos;

	private final OrganizationDirectory directory;

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
		RegionCode within = user.within(region, "region");
		ListPage p = new ListPage(page, PAGE_SIZE);
		model.addAttribute("campaign", campaign);
		p.show(model, "activities", activities.list(user.scope(), id, within, p.offset(), p.limit()));
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
		return formPage(model, user, campaigns.get(user.scope(), id), null);
	}

	@PostMapping("/campaigns/{id}/activities")
	@PreAuthorize("hasAuthority('activity:record')")
	String create(@PathVariable long id, ActivityForm form,
			@RequestParam(name = "photos", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		Campaign campaign = campaigns.get(user.scope(), id);
		return saved(form, user, model, flash, campaign, null, () -> activities
			.record(user.scope(), id, form.toInput(), UploadedFile.all(files), user.getUsername())
			.outsideWindow() ? "activity.flash.recorded-outside" : "activity.flash.recorded");
	}

	@GetMapping("/activities/{aid}/edit")
	@PreAuthorize("hasAuthority('activity:record')")
	String edit(@PathVariable long aid, @AuthenticationPrincipal CurrentUser user, Model model) {
		Activity a = activities.get(user.scope(), aid);
		model.addAttribute("form",
				ActivityForm.of(a, activities.organizationIds(List.of(a)).getOrDefault(a.id(), List.of())));
		return formPage(model, user, campaigns.get(user.scope(), a.campaignId()), a);
	}

	@PostMapping("/activities/{aid}")
	@PreAuthorize("hasAuthority('activity:record')")
	String update(@PathVariable long aid, ActivityForm form,
			@RequestParam(name = "photos", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		Activity a = activities.get(user.scope(), aid);
		return saved(form, user, model, flash, campaigns.get(user.scope(), a.campaignId()), a, () -> {
			activities.update(user.scope(), aid, form.toInput(), UploadedFile.all(files), user.getUsername());
			return "activity.flash.saved";
		});
	}

	/**
	 * Stores the form through {@code save} (which answers the flash message): back to the campaign's list, or the
	 * form again with the errors in place.
	 */
	private String saved(ActivityForm form, CurrentUser user, Model model, RedirectAttributes flash, Campaign campaign,
			Activity editing, Supplier<String> save) {
		try {
			flash.addFlashAttribute("flash", save.get());
			return "redirect:/campaigns/" + campaign.id() + "/activities";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			return formPage(model, user, campaign, editing);
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

	/** One record with its linked organizations and photos; photos can be added and deleted here. */
	@GetMapping("/activities/{aid}")
	@PreAuthorize("hasAuthority('activity:view')")
	String show(@PathVariable long aid, @AuthenticationPrincipal CurrentUser user, Model model) {
		return showPage(model, user, activities.get(user.scope(), aid));
	}

	@PostMapping("/activities/{aid}/photos")
	@PreAuthorize("hasAuthority('activity:record')")
	String addPhotos(@PathVariable long aid, @RequestParam(name = "photos", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		Activity a = activities.get(user.scope(), aid);
		try {
			photos.add(user.scope(), aid, UploadedFile.all(files), user.getUsername());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.errors());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showPage(model, user, a);
		}
		flash.addFlashAttribute("flash", "activity.flash.photos-added");
		return "redirect:/activities/" + aid;
	}

	@PostMapping("/activities/{aid}/photos/{pid}/delete")
	@PreAuthorize("hasAuthority('activity:record')")
	String deletePhoto(@PathVariable long aid, @PathVariable long pid, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes flash) {
		photos.delete(user.scope(), aid, pid);
		flash.addFlashAttribute("flash", "activity.flash.photo-deleted");
		return "redirect:/activities/" + aid;
	}

	@GetMapping({ "/activities/{aid}/photos/{pid}", "/activities/{aid}/photos/{pid}/{size:thumbnail}" })
	@PreAuthorize("hasAuthority('activity:view')")
	ResponseEntity<byte[]> photo(@PathVariable long aid, @PathVariable long pid,
			@PathVariable(required = false) String size, @AuthenticationPrincipal CurrentUser user) {
		ActivityPhoto.File f = photos.file(user.scope(), aid, pid, size != null);
		return Downloads.inline(f.fileName(), f.contentType(), f.bytes());
	}

	/** The organization picker's suggestions (htmx): organizations in scope by name or pinyin initials. */
	@GetMapping("/activities/organization-search")
	@PreAuthorize("hasAuthority('activity:record')")
	String searchOrganizations(@RequestParam(name = "q", defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("found", q.isBlank() ? List.of() : directory.search(user.scope(), q, 10));
		model.addAttribute("q", q);
		return "activity/organizations :: results";
	}

	private String showPage(Model model, CurrentUser user, Activity a) {
		model.addAttribute("activity", a);
		model.addAttribute("campaign", campaigns.get(user.scope(), a.campaignId()));
		model.addAttribute("organizations", activities.organizations(user.scope(), a.id()));
		model.addAttribute("photos", photos.list(user.scope(), a.id()));
		return "activity/show";
	}

	private String formPage(Model model, CurrentUser user, Campaign campaign, Activity editing) {
		ActivityForm form = (ActivityForm) model.getAttribute("form");
		model.addAttribute("chosen", form == null ? List.of()
				: form.organizationIds().stream().map(o -> directory.find(user.scope(), o)).flatMap(Optional::stream).toList());
		model.addAttribute("campaign", campaign);
		model.addAttribute("editing", editing);
		model.addAttribute("domains", ServiceDomain.values());
		return "activity/form";
	}

}
