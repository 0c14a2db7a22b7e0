package org.wushe.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * The audit module's public API. Writers call {@link #record} inside their own transaction, so an audit row exists
 * exactly when the write it describes was committed. Rows are never updated or deleted.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditTrail {

	private static final int MAX_DETAIL = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** Records a write by the current user (or the system, outside a request). */
	public void record(String action, String entityType, Object entityId, RegionCode region) {
		record(currentActor(), action, entityType, entityId, region, currentAddress(), null);
	}

	/** Records an event with an explicit actor and source address (logins, start-up tasks). */
	public void record(String actor, String action, String entityType, Object entityId, RegionCode region,
			String sourceAddress, String detail) {
		recordAll(List.of(new Entry(actor, action, entityType, entityId, region, sourceAddress, detail)));
	}

	/** One event of {@link #recordAll}: who did what to which entity, in which region, from where. */
	public record Entry(String actor, String action, String entityType, Object entityId, RegionCode region,
			String sourceAddress, String detail) {
	}

	/** At most this many rows in one insert of {@link #recordAll}. */
	private static final int ROWS_PER_INSERT = 100;

	/**
	 * Records many events at once, as {@link #record(String, String, String, Object, RegionCode, String, String)}
	 * records one, with one multi-row insert per hundred events: for writers that apply many changes in one
	 * transaction.
	 */
	public void recordAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Timestamp at = Timestamp.from(Instant.now(clock));
		for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
			List<Entry> part = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT));
			List<Object> args = new ArrayList<>(part.size() * 8);
			for (Entry e : part) {
				args.addAll(Arrays.asList(at, truncate(e.actor(), 64), e.action(), e.entityType(),
						e.entityId() == null ? null : truncate(e.entityId().toString(), 64),
						e.region() == null ? null : e.region().value(), truncate(e.sourceAddress(), 64),
						truncate(e.detail(), MAX_DETAIL)));
			}
			template.update("""
					INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, region_code, source_address, detail)
					VALUES """ + String.join(", ", Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, ?, ?)")),
					args.toArray());
		}
		for (Entry e : entries) {
			events.publishEvent(new Audited(e.action(), e.entityType(),
					e.entityId() == null ? null : e.entityId().toString(), e.region() == null ? null : e.region().value()));
		}
	}

	/**
	 * Events in {@code scope}, newest first, optionally filtered by actor, action and time. Events without a region
	 * (e.g. failed logins for unknown names) are visible only to a country-wide scope.
	 */
	public List<AuditEvent> search(RegionScope scope, AuditQuery query) {
		boolean all = scope.root().isCountry();
		return jdbc.sql("""
				SELECT id, occurred_at, actor, action, entity_type, entity_id, region_code, source_address, detail
				FROM audit_event
				WHERE ((region_code >= :from AND region_code < :to) OR (:all = TRUE AND region_code IS NULL))
				  AND (:actor = '' OR actor = :actor)
				  AND (:action = '' OR action = :action)
				  AND occurred_at >= :since AND occurred_at < :until
				ORDER BY occurred_at DESC, id DESC
				LIMIT :limit OFFSET :offset
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("all", all)
			.param("actor", query.actor())
			.param("action", query.action())
			.param("since", Timestamp.from(query.since()))
			.param("until", Timestamp.from(query.until()))
			.param("limit", query.size() + 1)
			.param("offset", query.offset())
			.query(AuditEvent.class)
			.list();
	}

	/** The distinct action names recorded so far, for the filter drop-down. */
	public List<String> actions() {
		return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list();
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
