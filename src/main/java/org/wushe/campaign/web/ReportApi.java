package org.wushe.campaign.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.campaign.CampaignSummaries;
import org.wushe.campaign.Completeness;
import org.wushe.campaign.Deadline;
import org.wushe.campaign.ProgressReport;
import org.wushe.campaign.ProgressReports;
import org.wushe.campaign.Reminder;
import org.wushe.campaign.ReportReturn;
import org.wushe.campaign.ReportRow;
import org.wushe.campaign.ReportStatus;
import org.wushe.campaign.ReportVersion;
import org.wushe.campaign.SummaryAttachment;
import org.wushe.campaign.SummaryVersion;
import org.wushe.campaign.UnitCompleteness;
import org.wushe.campaign.UnitStatus;
import org.wushe.region.RegionCode;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.Downloads;
import org.wushe.shared.upload.UploadedFile;

import io.swagger.v3.oas.annotations.Operation;

/**
 * Progress reports, completeness, reminders and summaries: {@code /api/campaigns/{id}/reports/{deadline}/…} (deadline
 * = 1-based number), {@code /api/campaigns/{id}/completeness}, {@code /api/campaigns/reminders},
 * {@code /api/campaigns/{id}/summary}.
 */
@RestController
@RequiredArgsConstructor
class ReportApi {

	record Submission(String regionCode, String reporter, String reporterPhone) {
	}

	record ReturnRequest(String regionCode, String reason) {
	}

	record SummaryRequest(String regionCode, String body) {
	}

	record VersionView(int version, OffsetDateTime submittedAt, String submittedBy, String reporter,
			String reporterPhone, boolean onTime, int activities, long participants, long beneficiaries,
			BigDecimal fundsYuan, BigDecimal materialsYuan) {

		static VersionView of(ReportVersion v) {
			return new VersionView(v.version(), at(v.submittedAt()), v.submittedBy(), v.reporter(), v.reporterPhone(),
					v.onTime(), v.activities(), v.participants(), v.beneficiaries(), v.fundsYuan(), v.materialsYuan());
		}

	}

	record ReturnView(int version, OffsetDateTime returnedAt, String returnedBy, String reason) {

		static ReturnView of(ReportReturn r) {
			return new ReturnView(r.version(), at(r.returnedAt()), r.returnedBy(), r.reason());
		}

	}

	record ReportView(long campaignId, int deadline, OffsetDateTime dueAt, String regionCode, String regionName,
			ReportStatus status, UnitStatus unitStatus, Boolean onTime, OffsetDateTime submittedAt, int version,
			List<VersionView> versions, List<ReturnView> returns) {

		static ReportView of(ProgressReport r) {
			ReportVersion current = r.current();
			return new ReportView(r.campaignId(), r.deadline().number(), at(r.deadline().dueAt()), r.unit().value(),
					r.unitName(), r.status(), r.unitStatus(), current == null ? null : current.onTime(),
					current == null ? null : at(current.submittedAt()), current == null ? 0 : current.version(),
					r.versions().stream().map(VersionView::of).toList(),
					r.returns().stream().map(ReturnView::of).toList());
		}

	}

	record UnitView(String regionCode, String regionName, UnitStatus status, OffsetDateTime submittedAt, int version,
			ReportStatus reportStatus) {

		static UnitView of(UnitCompleteness u) {
			return new UnitView(u.regionCode(), u.regionName(), u.status(), at(u.submittedAt()), u.version(),
					u.reportStatus());
		}

	}

	record ReminderView(long campaignId, String campaignName, int deadline, OffsetDateTime dueAt, String regionCode,
			String regionName, boolean urgent) {
	}

	private final ProgressReports reports;

	private final CampaignSummaries summaries;

	@PostMapping("/api/campaigns/{id}/reports/{deadline}/submit")
	@PreAuthorize("hasAuthority('report:submit')")
	ReportView submit(@PathVariable long id, @PathVariable int deadline,
			@RequestParam(required = false) String regionCode, @RequestBody(required = false) Submission body,
			@AuthenticationPrincipal CurrentUser user) {
		Submission s = body == null ? new Submission(null, null, null) : body;
		RegionCode unit = unit(regionCode != null ? regionCode : s.regionCode());
		return ReportView.of(reports.submit(user.scope(), id, deadline, unit, s.reporter(), s.reporterPhone(),
				user.getUsername()));
	}

	@PostMapping("/api/campaigns/{id}/reports/{deadline}/return")
	@PreAuthorize("hasAuthority('report:review')")
	ReportView returnReport(@PathVariable long id, @PathVariable int deadline,
			@RequestParam(required = false) String regionCode, @RequestBody ReturnRequest body,
			@AuthenticationPrincipal CurrentUser user) {
		RegionCode unit = unit(regionCode != null ? regionCode : body.regionCode());
		return ReportView.of(reports.returnReport(user.scope(), id, deadline, unit, body.reason(), user.getUsername()));
	}

	record ReporterPhone(int version, String reporterPhone) {
	}

	@GetMapping("/api/campaigns/{id}/reports/{deadline}/versions/{version}/reporter-phone")
	@PreAuthorize("hasAuthority('campaign:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "A version's full reporter phone (needs personal-data:view; every read is audited)")
	ReporterPhone reporterPhone(@PathVariable long id, @PathVariable int deadline, @PathVariable int version,
			@RequestParam String region, @AuthenticationPrincipal CurrentUser user) {
		return new ReporterPhone(version,
				reports.revealReporterPhone(user, id, deadline, unit(region, "region"), version));
	}

	@GetMapping("/api/campaigns/{id}/reports/{deadline}")
	@PreAuthorize("hasAuthority('campaign:view')")
	ReportView report(@PathVariable long id, @PathVariable int deadline, @RequestParam String region,
			@AuthenticationPrincipal CurrentUser user) {
		return ReportView.of(reports.get(user.scope(), id, deadline, unit(region, "region")));
	}

	@GetMapping("/api/campaigns/{id}/reports/{deadline}/versions/{version}")
	@PreAuthorize("hasAuthority('campaign:view')")
	List<ReportRow> versionRows(@PathVariable long id, @PathVariable int deadline, @PathVariable int version,
			@RequestParam String region, @AuthenticationPrincipal CurrentUser user) {
		return reports.versionRows(user.scope(), id, deadline, unit(region, "region"), version);
	}

	@GetMapping("/api/campaigns/{id}/completeness")
	@PreAuthorize("hasAuthority('campaign:view')")
	List<UnitView> completeness(@PathVariable long id, @RequestParam(defaultValue = "1") int deadline,
			@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user) {
		Completeness c = reports.completeness(user.scope(), id, deadline,
				user.requested(region, "region"));
		return c.units().stream().map(UnitView::of).toList();
	}

	@GetMapping("/api/campaigns/reminders")
	@PreAuthorize("hasAuthority('campaign:view')")
	List<ReminderView> reminders(@AuthenticationPrincipal CurrentUser user) {
		List<Reminder> found = user.can("report:submit") ? reports.reminders(user.scope(), user.region()) : List.of();
		return found.stream()
			.map(r -> new ReminderView(r.campaignId(), r.campaignName(), r.deadlineNumber(), at(r.dueAt()),
					r.unitCode(), r.unitName(), r.urgent()))
			.toList();
	}

	@PostMapping("/api/campaigns/{id}/summary")
	@PreAuthorize("hasAuthority('report:submit')")
	SummaryVersion submitSummary(@PathVariable long id, @RequestBody SummaryRequest body,
			@AuthenticationPrincipal CurrentUser user) {
		return summaries.submit(user.scope(), id, unit(body.regionCode()), body.body(), user.getUsername());
	}

	record AttachmentView(long id, String unitCode, int version, String fileName, String contentType, int sizeBytes,
			OffsetDateTime uploadedAt, String uploadedBy, boolean onTime, String url) {

		static AttachmentView of(SummaryAttachment a) {
			return new AttachmentView(a.id(), a.unitCode(), a.version(), a.fileName(), a.contentType(), a.sizeBytes(),
					at(a.uploadedAt()), a.uploadedBy(), a.onTime(),
					"/api/campaigns/" + a.campaignId() + "/summary/attachments/" + a.id());
		}

	}

	@PostMapping(path = "/api/campaigns/{id}/summary/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('report:submit')")
	@Operation(summary = "Hand in attachments with a unit's activity summary",
			description = "Multipart: regionCode (the reporting unit) and files, one or more. PDF, DOCX, XLSX, JPEG or "
					+ "PNG, recognised by their bytes; Office files with macros (.docm, .xlsm, a vbaProject.bin "
					+ "inside) are refused; each at most wushe.campaign.attachment-max-size (10 MB), at most "
					+ "wushe.campaign.attachment-max-count (20) per unit. All or nothing: one bad file refuses the "
					+ "request with 400 naming the field and the file. Answers all attachments of the unit.")
	List<AttachmentView> attach(@PathVariable long id, @RequestParam(required = false) String regionCode,
			@RequestPart(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user) {
		return summaries.attach(user.scope(), id, unit(regionCode), UploadedFile.all(files), user.getUsername())
			.stream()
			.map(AttachmentView::of)
			.toList();
	}

	@GetMapping("/api/campaigns/{id}/summary/attachments")
	@PreAuthorize("hasAuthority('campaign:view')")
	@Operation(summary = "The attachments of a unit's summary (the unit and the levels above it in scope)")
	List<AttachmentView> attachments(@PathVariable long id, @RequestParam String region,
			@AuthenticationPrincipal CurrentUser user) {
		return summaries.attachments(user.scope(), id, unit(region, "region"))
			.stream()
			.map(AttachmentView::of)
			.toList();
	}

	@GetMapping("/api/campaigns/{id}/summary/attachments/{attachmentId}")
	@PreAuthorize("hasAuthority('campaign:view')")
	@Operation(summary = "Download one attachment of a summary; 404 outside the unit's line of levels")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		SummaryAttachment.File f = summaries.attachment(user.scope(), id, attachmentId);
		return Downloads.attachment(f.fileName(), f.contentType(), f.bytes());
	}

	@GetMapping("/api/campaigns/{id}/summary/completeness")
	@PreAuthorize("hasAuthority('campaign:view')")
	List<UnitView> summaryCompleteness(@PathVariable long id, @RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user) {
		return summaries.completeness(user.scope(), id,
				user.requested(region, "region"))
			.units()
			.stream()
			.map(UnitView::of)
			.toList();
	}

	static RegionCode unit(String code) {
		return unit(code, RegionCode.FIELD);
	}

	/** The unit sent as {@code field}: required, and named by the error when it is missing or malformed. */
	static RegionCode unit(String code, String field) {
		if (code == null || code.isBlank()) {
			throw InvalidInputException.of(field, "campaign.error.required");
		}
		return RegionCode.parse(code, field);
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atZone(Deadline.ZONE).toOffsetDateTime();
	}

}
