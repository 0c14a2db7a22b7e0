package org.wushe.campaign;

import java.time.Instant;

/** One submitted version of a unit's activity summary. */
public record SummaryVersion(String unitCode, int version, String body, Instant submittedAt, String submittedBy,
		boolean onTime) {
}
