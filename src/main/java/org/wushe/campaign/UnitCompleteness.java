package org.wushe.campaign;

import java.time.Instant;

/**
 * One reporting unit on a completeness board.
 *
 * @param submittedAt the first submission (what on time or late is judged by), or {@code null}
 * @param reportStatus where the report stands now (e.g. returned and awaiting resubmission)
 */
public record UnitCompleteness(String regionCode, String regionName, UnitStatus status, Instant submittedAt,
		int version, ReportStatus reportStatus) {
}
