package org.wushe.audit;

import java.time.Instant;

/**
 * Filters of the audit page. Blank actor or action means any; {@code size} rows from {@code offset}.
 */
public record AuditQuery(String actor, String action, Instant since, Instant until, int offset, int size) {

	public AuditQuery {
		actor = actor == null ? "" : actor.strip();
		action = action == null ? "" : action.strip();
		since = since == null ? Instant.EPOCH : since;
		until = until == null ? Instant.parse("9999-12-31T00:00:00Z") : until;
		size = size <= 0 ? 50 : Math.min(size, 500);
		offset = Math.max(offset, 0);
	}

}
