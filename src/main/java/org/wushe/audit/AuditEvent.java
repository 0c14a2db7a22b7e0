package org.wushe.audit;

import java.time.Instant;

/** One audit row. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String entityType,
		String entityId, String regionCode, String sourceAddress, String detail) {
}
