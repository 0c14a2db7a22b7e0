package org.wushe.campaign;

import java.time.Instant;

import org.wushe.region.Region;

/**
 * One reporting unit on a completeness board.
 *
 * @param submittedAt the first submission (what on time or late is judged by), or {@code null}
 * @param reportStatus where the report stands now (e.g. returned and awaiting resubmission)
 */
public record UnitCompleteness(String regionCode, String regionName, UnitStatus status, Instant submittedAt,
		int version, ReportStatus reportStatus) {

	/** The unit on the board of {@code due}: a draft while {@code report} is {@code null}. */
	static UnitCompleteness of(Region unit, ReportHead report, Deadline due, Instant now) {
		Instant first = report == null ? null : report.firstSubmittedAt();
		return new UnitCompleteness(unit.code().value(), unit.name(), UnitStatus.of(due, first, now), first,
				report == null ? 0 : report.currentVersion(), report == null ? ReportStatus.DRAFT : report.reportStatus());
	}

}
