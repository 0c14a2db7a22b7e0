package org.wushe.campaign;

import java.time.Instant;
import java.util.List;

import org.wushe.region.RegionCode;

/**
 * A reporting unit's progress report for one deadline, with every version and every return.
 *
 * @param status where it stands ({@link ReportStatus#DRAFT} when nothing was submitted)
 * @param unitStatus on time, late, missing or pending, from the first submission
 * @param versions oldest first
 */
public record ProgressReport(long campaignId, Deadline deadline, RegionCode unit, String unitName,
		ReportStatus status, UnitStatus unitStatus, Instant firstSubmittedAt, List<ReportVersion> versions,
		List<ReportReturn> returns) {

	public ReportVersion current() {
		return versions.isEmpty() ? null : versions.get(versions.size() - 1);
	}

	/** The reason of the return that is still open, or {@code null}. */
	public ReportReturn openReturn() {
		return status == ReportStatus.RETURNED && !returns.isEmpty() ? returns.get(returns.size() - 1) : null;
	}

}
