package org.wushe.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.audit.AuditTrail;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * The campaign module's public API for activity summaries: each reporting unit submits a text (and attachments) by
 * the summary deadline, tracked on time, late or missing like the progress reports. Every submission is a new
 * version. Attachments are seen by the unit and every level above it in scope, by no one else.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CampaignSummaries {

	static final int MAX_LENGTH = 20_000;

	private final JdbcClient jdbc;

	private final CampaignService campaigns;

	private final ProgressReports reports;

	private final AuditTrail audit;

	private final Clock clock;

	private final SummaryFiles files;

	/** Submits a new version of a unit's summary. */
	@Transactional
	public SummaryVersion submit(RegionScope scope, long campaignId, RegionCode unit, String body, String by) {
		return submitAt(scope, campaignId, unit, body, List.of(), by, Instant.now(clock));
	}

	/**
	 * Submits a new version of a unit's summary with attachments, in one transaction: the text and every file are
	 * checked first, and all their errors are reported together.
	 */
	@Transactional
	public SummaryVersion submit(RegionScope scope, long campaignId, RegionCode unit, String body,
			List<UploadedFile> attachments, String by) {
		return submitAt(scope, campaignId, unit, body, attachments, by, Instant.now(clock));
	}

	@Transactional
	SummaryVersion submitAt(RegionScope scope, long campaignId, RegionCode unit, String body, String by, Instant at) {
		return submitAt(scope, campaignId, unit, body, List.of(), by, at);
	}

	private SummaryVersion submitAt(RegionScope scope, long campaignId, RegionCode unit, String body,
			List<UploadedFile> attachments, String by, Instant at) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Deadline due = requireSummary(campaign);
		requireUnit(scope, campaign, unit);
		String text = body == null ? "" : body.strip();
		List<FieldError> errors = new ArrayList<>();
		if (text.isEmpty()) {
			errors.add(new FieldError("body", "campaign.error.required"));
		}
		else if (text.length() > MAX_LENGTH) {
			errors.add(new FieldError("body", "campaign.error.too-long", MAX_LENGTH));
		}
		List<UploadRules.Accepted> checked = attachments.isEmpty() ? List.of()
				: files.check(attachments, files.count(campaignId, unit), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int version = currentVersion(campaignId, unit) + 1;
		try {
			jdbc.sql("""
					INSERT INTO campaign_summary (campaign_id, unit_code, version, body, submitted_at, submitted_by, on_time)
					VALUES (:c, :u, :v, :body, :at, :by, :onTime)
					""")
				.param("c", campaignId)
				.param("u", unit.value())
				.param("v", version)
				.param("body", text)
				.param("at", Timestamp.from(at))
				.param("by", by)
				.param("onTime", due.isOnTime(at))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw BusinessException.conflict("campaign.error.concurrent-submit");
		}
		audit.record("summary.submit", "campaign-summary", campaignId + "/" + unit.value() + "/" + version, unit);
		if (!checked.isEmpty()) {
			files.insert(campaignId, unit, version, checked, at, by);
			audit.record("summary.attach", "campaign-summary", campaignId + "/" + unit.value() + "/" + version, unit);
		}
		return new SummaryVersion(unit.value(), version, text, at, by, due.isOnTime(at));
	}

	/**
	 * Adds attachments to a unit's summary without a new text: all of them, or none when one fails its checks. They
	 * belong to the current version (0 before the first text).
	 */
	@Transactional
	public List<SummaryAttachment> attach(RegionScope scope, long campaignId, RegionCode unit,
			List<UploadedFile> attachments, String by) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Deadline due = requireSummary(campaign);
		requireUnit(scope, campaign, unit);
		List<FieldError> errors = new ArrayList<>();
		List<UploadRules.Accepted> checked = files.check(attachments, files.count(campaignId, unit), errors);
		if (checked.isEmpty() && errors.isEmpty()) {
			errors.add(new FieldError(SummaryFiles.FIELD, "campaign.error.attachment-none"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int version = currentVersion(campaignId, unit);
		files.insert(campaignId, unit, version, checked, Instant.now(clock), by);
		audit.record("summary.attach", "campaign-summary", campaignId + "/" + unit.value() + "/" + version, unit);
		return files.list(campaignId, unit, due);
	}

	/** The attachments of a unit's summary, oldest first; for the unit and every level above it in scope. */
	public List<SummaryAttachment> attachments(RegionScope scope, long campaignId, RegionCode unit) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Deadline due = requireSummary(campaign);
		requireUnit(scope, campaign, unit);
		return files.list(campaignId, unit, due);
	}

	/** One attachment, if its unit is in scope; 404 as if it did not exist otherwise. */
	public SummaryAttachment.File attachment(RegionScope scope, long campaignId, long attachmentId) {
		Campaign campaign = campaigns.get(scope, campaignId);
		files.unitOf(campaignId, attachmentId)
			.filter(u -> scope.covers(u) && campaign.isReportingUnit(u))
			.orElseThrow(() -> BusinessException.notFound("campaign.error.attachment-unknown", attachmentId));
		return files.file(campaignId, attachmentId).orElseThrow();
	}

	/** The size limit of one attachment, as people read it ("10.0 MB"). */
	public String attachmentMaxSize() {
		return files.maxSize();
	}

	private int currentVersion(long campaignId, RegionCode unit) {
		return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM campaign_summary WHERE campaign_id = :c AND unit_code = :u")
			.param("c", campaignId)
			.param("u", unit.value())
			.query(Integer.class)
			.single();
	}

	/** All versions of a unit's summary, oldest first. */
	public List<SummaryVersion> versions(RegionScope scope, long campaignId, RegionCode unit) {
		Campaign campaign = campaigns.get(scope, campaignId);
		requireUnit(scope, campaign, unit);
		return jdbc.sql("""
				SELECT unit_code, version, body, submitted_at, submitted_by, on_time FROM campaign_summary
				WHERE campaign_id = :c AND unit_code = :u ORDER BY version
				""")
			.param("c", campaignId)
			.param("u", unit.value())
			.query(SummaryVersion.class)
			.list();
	}

	/** Who has submitted a summary among the reporting units under {@code region}. */
	public Completeness completeness(RegionScope scope, long campaignId, RegionCode region) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Deadline due = requireSummary(campaign);
		Region board = reports.boardRegion(scope, campaign, region);
		return reports.board(campaign, due, board, jdbc.sql("""
				SELECT 0 AS id, unit_code, 'SUBMITTED' AS status, MAX(version) AS current_version,
				       MIN(submitted_at) AS first_submitted_at
				FROM campaign_summary
				WHERE campaign_id = :c AND unit_code >= :from AND unit_code < :to GROUP BY unit_code
				"""), false);
	}

	private static Deadline requireSummary(Campaign campaign) {
		if (campaign.summaryDeadline() == null) {
			throw BusinessException.notFound("campaign.error.no-summary");
		}
		return new Deadline(1, campaign.summaryDeadline().dueAt());
	}

	private void requireUnit(RegionScope scope, Campaign campaign, RegionCode unit) {
		reports.requireUnit(scope, campaign, unit);
	}

}
