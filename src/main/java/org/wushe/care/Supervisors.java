package org.wushe.care;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.AccountService;
import org.wushe.access.AccountView;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.actor.WorkerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/**
 * 督导标记: a social worker marked as supervisor of a station (township) or county, together with the login account
 * that acts for them there. Accounts and social workers are not linked anywhere else, so the marking names both: the
 * worker (registered in that region's subtree) and an account sitting on that region itself that may record care
 * work. While the marking is active, that account may approve or return the plans and closures of the region's cases.
 * A user with {@code care:supervise} marks and ends markings within their scope; both are audited.
 */
@Component
@RequiredArgsConstructor
public class Supervisors {

	static final String ENTITY = "care-supervisor";

	/** One marking as lists show it. */
	public record Marking(long id, String regionCode, long workerId, String workerName, long accountId, String username,
			Instant markedAt, String markedBy) {
	}

	/** A marking as typed: the station's or county's code, the worker's id and the account's id. */
	public record Input(String regionCode, Long workerId, Long accountId) {
	}

	private final JdbcClient jdbc;

	private final WorkerDirectory workers;

	private final AccountService accounts;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	/** Whether {@code user} may take a supervisor's step on a case of {@code caseRegion}. */
	boolean supervises(CurrentUser user, String caseRegion) {
		if (user.can(Permissions.CARE_SUPERVISE)) {
			return true;
		}
		if (!user.can(Permissions.CARE_RECORD)) {
			return false;
		}
		RegionCode region = RegionCode.parse(caseRegion);
		return jdbc.sql("SELECT region_code FROM care_supervisor WHERE account_id = :account AND ended_at IS NULL")
			.param("account", user.id())
			.query(String.class)
			.list()
			.stream()
			.anyMatch(r -> RegionCode.parse(r).contains(region) && user.scope().covers(region));
	}

	/** The active markings of stations and counties in the scope. */
	public List<Marking> list(RegionScope scope) {
		return jdbc.sql("""
				SELECT id, region_code, worker_id, worker_name, account_id, username, marked_at, marked_by
				FROM care_supervisor
				WHERE ended_at IS NULL AND region_code >= :from AND region_code < :to
				ORDER BY region_code, id
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Marking.class)
			.list();
	}

	/**
	 * Marks a worker as supervisor: the region a station or county in the marker's scope, the worker registered in
	 * its subtree, the account on the region itself with a role that records care work (400 naming the field).
	 */
	@Transactional
	public Marking mark(Input input, CurrentUser marker) {
		FieldChecks c = new FieldChecks();
		RegionCode region = region(c, input.regionCode(), marker.scope());
		WorkerDirectory.Entry worker = null;
		AccountView account = null;
		if (input.workerId() == null) {
			c.add("workerId", "actor.input.required");
		}
		else if (region != null) {
			worker = workers.find(new RegionScope(region), input.workerId()).orElse(null);
			if (worker == null) {
				c.add("workerId", "care.supervisor.worker-outside", region.value());
			}
		}
		if (input.accountId() == null) {
			c.add("accountId", "actor.input.required");
		}
		else if (region != null) {
			account = accounts.find(new RegionScope(region), input.accountId())
				.filter(a -> a.regionCode().equals(region.value()) && a.enabled()
						&& a.role().can(Permissions.CARE_RECORD))
				.orElse(null);
			if (account == null) {
				c.add("accountId", "care.supervisor.account-region", region.value());
			}
		}
		c.throwIfAny();
		boolean already = jdbc.sql("""
				SELECT COUNT(*) FROM care_supervisor
				WHERE region_code = :region AND worker_id = :worker AND ended_at IS NULL
				""").param("region", region.value()).param("worker", worker.id()).query(Long.class).single() > 0;
		if (already) {
			throw BusinessException.conflict("care.supervisor.already", worker.name());
		}
		Timestamp now = Timestamp.from(Instant.now(clock));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO care_supervisor (region_code, worker_id, worker_name, account_id, username, marked_at,
				    marked_by)
				VALUES (:region, :worker, :name, :account, :username, :now, :by)
				""")
			.param("region", region.value())
			.param("worker", worker.id())
			.param("name", worker.name())
			.param("account", account.id())
			.param("username", account.username())
			.param("now", now)
			.param("by", marker.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("care-supervisor.mark", ENTITY, id, region);
		return new Marking(id, region.value(), worker.id(), worker.name(), account.id(), account.username(),
				now.toInstant(), marker.getUsername());
	}

	/** Ends an active marking in the scope (404 otherwise). */
	@Transactional
	public void end(long id, CurrentUser user) {
		RegionScope scope = user.scope();
		String region = jdbc.sql("""
				SELECT region_code FROM care_supervisor
				WHERE id = :id AND ended_at IS NULL AND region_code >= :from AND region_code < :to
				""").param("id", id).param("from", scope.from()).param("to", scope.to()).query(String.class)
			.optional()
			.orElseThrow(() -> BusinessException.notFound("care.supervisor.unknown", id));
		jdbc.sql("UPDATE care_supervisor SET ended_at = :now, ended_by = :by WHERE id = :id")
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("by", user.getUsername())
			.param("id", id)
			.update();
		audit.record("care-supervisor.end", ENTITY, id, RegionCode.parse(region));
	}

	private static RegionCode region(FieldChecks c, String text, RegionScope scope) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			c.add("regionCode", "region.input.blank");
			return null;
		}
		if (!RegionCode.isValid(t)) {
			c.add("regionCode", "care.supervisor.level");
			return null;
		}
		RegionCode code = RegionCode.parse(t);
		if (!scope.covers(code)) {
			c.add("regionCode", "region.input.out-of-scope", t);
			return null;
		}
		if (code.level() != RegionLevel.TOWNSHIP && code.level() != RegionLevel.COUNTY) {
			c.add("regionCode", "care.supervisor.level");
			return null;
		}
		return code;
	}

}
