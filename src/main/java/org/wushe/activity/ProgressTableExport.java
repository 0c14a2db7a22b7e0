package org.wushe.activity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.campaign.Campaign;
import org.wushe.campaign.CampaignService;
import org.wushe.campaign.Deadline;
import org.wushe.campaign.ProgressReport;
import org.wushe.campaign.ProgressReports;
import org.wushe.campaign.ReportRow;
import org.wushe.campaign.ReportVersion;
import org.wushe.campaign.UnitCompleteness;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;

/**
 * The activity module's public API for exporting the progress table (附件1) of a region and deadline. A reporting
 * unit's table holds its latest submitted version (with its reporter and time), or its live rows while it has not
 * submitted; an upper level's combined table holds each of its units' tables in code order; a region below the
 * reporting level gets its live rows.
 */
@Service
public class ProgressTableExport {

	/** A checked export, ready to stream. */
	public record Export(String filename, Body body) {
	}

	/** Writes the workbook. */
	@FunctionalInterface
	public interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

	private final CampaignService campaigns;

	private final ProgressReports reports;

	private final Regions regions;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	ProgressTableExport(CampaignService campaigns, ProgressReports reports, Regions regions, MessageSource messages,
			AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.campaigns = campaigns;
		this.reports = reports;
		this.regions = regions;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** Checks everything (scope, campaign, deadline, region) before anything is streamed; phones masked. */
	public Export prepare(RegionScope scope, long campaignId, RegionCode requested, int deadline) {
		return prepare(scope, campaignId, requested, deadline, null);
	}

	/**
	 * As {@link #prepare(RegionScope, long, RegionCode, int)}; with {@code fullFor} (a user allowed to see personal
	 * data, else 403) the reporter's phone is written in full, read through the audited reveal.
	 */
	public Export prepare(RegionScope scope, long campaignId, RegionCode requested, int deadline,
			CurrentUser fullFor) {
		Campaign campaign = campaigns.get(scope, campaignId);
		Deadline due = campaign.deadline(deadline);
		RegionCode code = requested.contains(campaign.region()) ? campaign.region() : requested;
		if (!scope.covers(code) || !campaign.region().contains(code)) {
			throw BusinessException.notFound("region.error.unknown", requested.value());
		}
		Region region = regions.get(code);
		String note = text("activity.table.note", String.valueOf(due.number()), deadlines(campaign));
		String title = campaign.tableTitle() == null || campaign.tableTitle().isBlank()
				? text("activity.table.default-title") : campaign.tableTitle();
		String filename = text("activity.table.filename", campaign.name(), region.name(), String.valueOf(due.number()));
		String exportTime = when(Instant.now(clock));
		audit.record("activity.export", "progress-table", campaignId + "/" + deadline, code);

		if (campaign.isReportingUnit(code)) {
			ProgressReport report = reports.get(scope, campaignId, deadline, code);
			ReportVersion version = report.status().isSubmitted() ? report.current() : null;
			String phone = null;
			if (version != null) {
				phone = fullFor == null ? version.reporterPhone()
						: reports.revealReporterPhone(fullFor, campaignId, deadline, code, version.version());
			}
			String reporter = version == null ? "" : join(version.reporter(), phone);
			String time = version == null ? exportTime : when(version.submittedAt());
			return new Export(filename, out -> write(out,
					new ProgressTableWriter.Heading(title, region.name(), reporter, time, note),
					sink -> unitRows(scope, campaignId, deadline, code, version, sink)));
		}
		if (campaign.reportingLevel().isBelow(code.level())) {
			List<UnitCompleteness> units = reports.completeness(scope, campaignId, deadline, code).units();
			// the level above the units sends a table of its own: titled for its region, not for the units' level
			String combined = text("activity.table.combined-title", region.name());
			return new Export(filename, out -> writeUnits(out,
					new ProgressTableWriter.Heading(combined, region.name(), "", exportTime, note, true), writer -> {
						for (UnitCompleteness u : units) {
							RegionCode unit = new RegionCode(u.regionCode());
							ReportVersion version = u.reportStatus().isSubmitted()
									? reports.get(scope, campaignId, deadline, unit).current() : null;
							unitRows(scope, campaignId, deadline, unit, version, r -> writer.accept(r, u.regionName()));
						}
					}));
		}
		return new Export(filename, out -> write(out,
				new ProgressTableWriter.Heading(title, region.name(), "", exportTime, note),
				sink -> reports.forEachLiveRow(scope, campaignId, deadline, code, sink)));
	}

	private void unitRows(RegionScope scope, long campaignId, int deadline, RegionCode unit, ReportVersion version,
			Consumer<ReportRow> sink) {
		if (version != null) {
			reports.forEachVersionRow(version.id(), sink);
		}
		else {
			reports.forEachLiveRow(scope, campaignId, deadline, unit, sink);
		}
	}

	/** Streams the rows into the workbook inside one read-only transaction, so that the database streams too. */
	private void write(OutputStream out, ProgressTableWriter.Heading heading, Consumer<Consumer<ReportRow>> rows)
			throws IOException {
		writeUnits(out, heading, sink -> rows.accept(r -> sink.accept(r, null)));
	}

	/** As {@link #write}, each row with the name of its unit (for the combined table's 填报单位 column). */
	private void writeUnits(OutputStream out, ProgressTableWriter.Heading heading,
			Consumer<BiConsumer<ReportRow, String>> rows) throws IOException {
		try (ProgressTableWriter writer = new ProgressTableWriter(out, messages, heading)) {
			readOnly.executeWithoutResult(status -> rows.accept((r, unit) -> {
				try {
					writer.row(r, unit);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private String deadlines(Campaign campaign) {
		StringBuilder s = new StringBuilder();
		for (Deadline d : campaign.deadlines()) {
			if (!s.isEmpty()) {
				s.append(text("activity.table.domain-separator"));
			}
			LocalDateTime t = d.local();
			s.append(text("activity.table.deadline", String.valueOf(t.getYear()), String.valueOf(t.getMonthValue()),
					String.valueOf(t.getDayOfMonth()), "%02d:%02d".formatted(t.getHour(), t.getMinute())));
		}
		return s.toString();
	}

	private String when(Instant instant) {
		LocalDateTime t = LocalDateTime.ofInstant(instant, Deadline.ZONE);
		return text("activity.table.deadline", String.valueOf(t.getYear()), String.valueOf(t.getMonthValue()),
				String.valueOf(t.getDayOfMonth()), "%02d:%02d".formatted(t.getHour(), t.getMinute()));
	}

	private static String join(String reporter, String phone) {
		String r = reporter == null ? "" : reporter;
		String p = phone == null ? "" : phone;
		return (r + " " + p).strip();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
