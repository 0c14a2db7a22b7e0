package org.wushe.campaign.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
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
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.campaign.CampaignSummaries;
import org.wushe.campaign.SummaryAttachment;
import org.wushe.campaign.ProgressReport;
import org.wushe.campaign.ProgressReports;
import org.wushe.campaign.ReportRow;
import org.wushe.campaign.UnitStatus;
import org.wushe.personal.PersonalFragment;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.Downloads;
import org.wushe.shared.upload.UploadedFile;

/**
 * Report pages: a unit's report for a deadline (rows, versions, submit, return), the completeness board of the
 * levels above (refreshed by htmx), and the summary page.
 */
@Controller
@RequiredArgsConstructor
class ReportController {

	private final CampaignService campaigns;

	private final ProgressReports reports;

	private final CampaignSummaries summaries;

	private final Clock clock;

	@GetMapping("/campaigns/{id}/reports/{n}")
	@PreAuthorize("hasAuthority('campaign:view')")
	String report(@PathVariable long id, @PathVariable int n, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal CurrentUser user, Model model) {
		Campaign campaign = campaigns.get(user.scope(), id);
		RegionCode unit = unitOf(campaign, region, user);
		return reportPage(model, user, campaign, n, unit, version);
	}

	private String reportPage(Model model, CurrentUser user, Campaign campaign, int n, RegionCode unit,
			Integer version) {
		ProgressReport report = reports.get(user.scope(), campaign.id(), n, unit);
		List<ReportRow> rows;
		Integer shown = version;
		if (shown == null && report.status().isSubmitted()) {
			shown = report.current().version();
		}
		rows = shown == null ? reports.liveRows(user.scope(), campaign.id(), n, unit)
				: reports.versionRows(user.scope(), campaign.id(), n, unit, shown);
		model.addAttribute("campaign", campaign);
		model.addAttribute("report", report);
		model.addAttribute("rows", rows);
		model.addAttribute("shownVersion", shown);
		// a unit submits its own report; the levels above read it, return it, or remind the unit
		model.addAttribute("canSubmit", user.can("report:submit") && user.region().equals(unit));
		model.addAttribute("canReturn", user.can("report:review") && !user.region().equals(unit)
				&& report.status().isSubmitted());
		model.addAttribute("now", Instant.now(clock));
		return "campaign/report";
	}

	@PostMapping("/campaigns/{id}/reports/{n}/submit")
	@PreAuthorize("hasAuthority('report:submit')")
	String submit(@PathVariable long id, @PathVariable int n, @RequestParam String region,
			@RequestParam(required = false) String reporter, @RequestParam(required = false) String reporterPhone,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		RegionCode unit = ReportApi.unit(region, "region");
		return act(id, n, unit, user, model, flash, () -> reports
			.submit(user.scope(), id, n, unit, reporter, reporterPhone, user.getUsername())
			.current()
			.onTime() ? "campaign.report.flash.submitted" : "campaign.report.flash.submitted-late");
	}

	@PostMapping("/campaigns/{id}/reports/{n}/return")
	@PreAuthorize("hasAuthority('report:review')")
	String returnReport(@PathVariable long id, @PathVariable int n, @RequestParam String region,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		RegionCode unit = ReportApi.unit(region, "region");
		return act(id, n, unit, user, model, flash, () -> {
			reports.returnReport(user.scope(), id, n, unit, reason, user.getUsername());
			return "campaign.report.flash.returned";
		});
	}

	/**
	 * Takes a step on a unit's report: back to the report with the step's flash message, or the report page again
	 * with the errors in place.
	 */
	private String act(long id, int n, RegionCode unit, CurrentUser user, Model model, RedirectAttributes flash,
			Supplier<String> step) {
		try {
			flash.addFlashAttribute("flash", step.get());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.errors());
			return reportPage(model, user, campaigns.get(user.scope(), id), n, unit, null);
		}
		return "redirect:/campaigns/" + id + "/reports/" + n + "?region=" + unit.value();
	}

	/** A version's full reporter phone for the page's button (audited). */
	@GetMapping("/campaigns/{id}/reports/{n}/versions/{version}/reporter-phone")
	@PreAuthorize("hasAuthority('campaign:view') and hasAuthority('personal-data:view')")
	String reporterPhone(@PathVariable long id, @PathVariable int n, @PathVariable int version,
			@RequestParam String region, @AuthenticationPrincipal CurrentUser user, Model model) {
		return PersonalFragment.revealed(model, "reporter-phone-" + version,
				reports.revealReporterPhone(user, id, n, ReportApi.unit(region, "region"), version));
	}

	@GetMapping("/campaigns/{id}/completeness")
	@PreAuthorize("hasAuthority('campaign:view')")
	String completeness(@PathVariable long id, @RequestParam(defaultValue = "1") int deadline,
			@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user, Model model) {
		board(id, deadline, region, user, model);
		return "campaign/completeness";
	}

	@GetMapping("/campaigns/{id}/completeness/board")
	@PreAuthorize("hasAuthority('campaign:view')")
	String completenessBoard(@PathVariable long id, @RequestParam(defaultValue = "1") int deadline,
			@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user, Model model) {
		board(id, deadline, region, user, model);
		return "campaign/completeness :: board";
	}

	private void board(long id, int deadline, String region, CurrentUser user, Model model) {
		Campaign campaign = campaigns.get(user.scope(), id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("board", reports.completeness(user.scope(), id, deadline,
				user.requested(region, "region")));
		model.addAttribute("statuses", UnitStatus.values());
		model.addAttribute("now", Instant.now(clock));
	}

	@GetMapping("/campaigns/{id}/summary")
	@PreAuthorize("hasAuthority('campaign:view')")
	String summary(@PathVariable long id, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Campaign campaign = campaigns.get(user.scope(), id);
		return summaryPage(model, user, campaign, unit, null);
	}

	@PostMapping("/campaigns/{id}/summary")
	@PreAuthorize("hasAuthority('report:submit')")
	String submitSummary(@PathVariable long id, @RequestParam String unit, @RequestParam(required = false) String body,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		Campaign campaign = campaigns.get(user.scope(), id);
		try {
			summaries.submit(user.scope(), id, RegionCode.parse(unit), body, UploadedFile.all(files),
					user.getUsername());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.errors());
			return summaryPage(model, user, campaign, unit, body);
		}
		flash.addFlashAttribute("flash", "campaign.summary.flash.submitted");
		return "redirect:/campaigns/" + id + "/summary?unit=" + unit;
	}

	@GetMapping("/campaigns/{id}/summary/attachments/{attachmentId}")
	@PreAuthorize("hasAuthority('campaign:view')")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		SummaryAttachment.File f = summaries.attachment(user.scope(), id, attachmentId);
		return Downloads.attachment(f.fileName(), f.contentType(), f.bytes());
	}

	private String summaryPage(Model model, CurrentUser user, Campaign campaign, String unit, String draft) {
		RegionCode own = campaign.isReportingUnit(user.region()) ? user.region() : null;
		RegionCode shown = unit == null || unit.isBlank() ? own : RegionCode.parse(unit);
		model.addAttribute("campaign", campaign);
		model.addAttribute("unit", shown);
		model.addAttribute("own", own);
		model.addAttribute("versions", shown == null ? List.of() : summaries.versions(user.scope(), campaign.id(), shown));
		model.addAttribute("attachments",
				shown == null || campaign.summaryDeadline() == null ? List.of()
						: summaries.attachments(user.scope(), campaign.id(), shown));
		model.addAttribute("draft", draft);
		if (!campaign.isReportingUnit(user.region()) && !user.region().level().isBelow(campaign.reportingLevel())) {
			model.addAttribute("board", summaries.completeness(user.scope(), campaign.id(), null));
		}
		return "campaign/summary";
	}

	/** The unit a report page is about: the one asked for, or the user's own reporting unit. */
	private static RegionCode unitOf(Campaign campaign, String region, CurrentUser user) {
		if (region != null && !region.isBlank()) {
			return ReportApi.unit(region, "region");
		}
		RegionCode own = campaign.reportingUnitOf(user.region());
		if (own == null) {
			throw BusinessException.notFound("campaign.error.unit-unknown", user.region().value());
		}
		return own;
	}

}
