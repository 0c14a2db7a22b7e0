package org.wushe.campaign;

import java.time.Instant;

/**
 * A unit's stored progress report (or summary) as far as a board needs it: where it stands, its current version and
 * its first submission (what on time or late is judged by), or {@code null} before the first one.
 */
record ReportHead(long id, String unitCode, String status, int currentVersion, Instant firstSubmittedAt) {

	/** The columns of {@code progress_report} this reads. */
	static final String COLUMNS = "id, unit_code, status, current_version, first_submitted_at";

	ReportStatus reportStatus() {
		return ReportStatus.valueOf(status);
	}

}
