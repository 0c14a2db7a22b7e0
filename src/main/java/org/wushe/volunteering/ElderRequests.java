package org.wushe.volunteering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * 服务需求与匹配: a key elder's account requests a service (a skill, what, when, how long); volunteers nearby with the
 * skill are suggested (the elder's village first, then the township); the organizer matches one; when the service is
 * confirmed its minutes are redeemed from the elder's account, the nearest pool granting first what the account lacks
 * (通存通兑: any volunteer of the deployment may serve).
 */
@Service
public class ElderRequests {

	static final String ENTITY = "elder-request";

	/** The longest service one request may ask for. */
	static final int MAX_MINUTES = 8 * 60;

	/** Where a request stands. */
	public enum Status {
		OPEN, ACCEPTED, DONE, CANCELLED
	}

	/** A request as read back. */
	public record Request(long id, long elderAccountId, String regionCode, String skill, String content,
			LocalDate wantedOn, int minutes, Status status, Long volunteerId, Long transferId, Instant createdAt) {
	}

	/** What a caller sends to request a service. */
	public record RequestInput(Long elderAccountId, String skill, String content, String wantedOn, Integer minutes) {
	}

	/** A suggested volunteer and how near they live: VILLAGE or TOWNSHIP. */
	public record Suggestion(long volunteerId, String name, String regionCode, String nearness) {
	}

	private final JdbcClient jdbc;

	private final TimeBank bank;

	private final Ledger ledger;

	private final VolunteerDirectory volunteers;

	private final AuditTrail audit;

	private final Clerk clerk;

	ElderRequests(JdbcClient jdbc, TimeBank bank, Ledger ledger, VolunteerDirectory volunteers, AuditTrail audit,
			Clerk clerk) {
		this.jdbc = jdbc;
		this.bank = bank;
		this.ledger = ledger;
		this.volunteers = volunteers;
		this.audit = audit;
		this.clerk = clerk;
	}

	@Transactional
	public Request create(RegionScope scope, RequestInput in) {
		FieldChecks c = new FieldChecks();
		TimeBank.Account elder = null;
		if (in.elderAccountId() == null) {
			c.add("elderAccountId", "actor.input.required");
		}
		else {
			elder = bank.find(scope, in.elderAccountId()).filter(a -> a.kind() == AccountKind.ELDER).orElse(null);
			if (elder == null) {
				c.add("elderAccountId", "volunteering.request.not-elder", in.elderAccountId());
			}
		}
		String skill = c.required("skill", in.skill(), 40);
		String content = c.required("content", in.content(), 500);
		LocalDate wanted = c.date("wantedOn", in.wantedOn(), null, true);
		if (wanted != null && wanted.isBefore(clerk.today())) {
			c.add("wantedOn", "volunteering.request.past");
		}
		if (in.minutes() == null || in.minutes() < 1 || in.minutes() > MAX_MINUTES) {
			c.add("minutes", "volunteering.request.minutes", MAX_MINUTES / 60);
		}
		c.throwIfAny();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO elder_request (elder_account_id, region_code, skill, content, wanted_on, minutes, status,
				    created_at, created_by)
				VALUES (:a, :region, :skill, :content, :on, :minutes, 'OPEN', :at, :by)
				""")
			.param("a", elder.id())
			.param("region", elder.regionCode())
			.param("skill", skill)
			.param("content", content)
			.param("on", wanted)
			.param("minutes", in.minutes())
			.param("at", clerk.now())
			.param("by", clerk.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("elder-request.create", ENTITY, id, RegionCode.parse(elder.regionCode()));
		return get(scope, id);
	}

	/**
	 * Volunteers in the caller's scope with the requested skill, the elder's village first, then the rest of the
	 * township; at most {@code limit}.
	 */
	public List<Suggestion> suggestions(RegionScope scope, long id, int limit) {
		Request r = get(scope, id);
		RegionCode home = RegionCode.parse(r.regionCode());
		Map<Long, Suggestion> found = new LinkedHashMap<>();
		for (RegionLevel level : List.of(RegionLevel.VILLAGE, RegionLevel.TOWNSHIP)) {
			if (home.level().ordinal() < level.ordinal()) {
				continue;
			}
			RegionScope near = scope.narrowTo(home.ancestorAt(level));
			if (near == null) {
				continue;
			}
			for (VolunteerDirectory.Entry v : volunteers.withSkill(near, r.skill(), limit)) {
				found.putIfAbsent(v.id(), new Suggestion(v.id(), v.name(), v.regionCode(), level.name()));
			}
		}
		return new ArrayList<>(found.values()).subList(0, Math.min(limit, found.size()));
	}

	/** Matches an open request to a volunteer in scope. */
	@Transactional
	public Request accept(RegionScope scope, long id, Long volunteerId) {
		Request r = get(scope, id);
		if (volunteerId == null || volunteers.find(scope, volunteerId).filter(VolunteerDirectory.Entry::active)
			.isEmpty()) {
			throw InvalidInputException.of("volunteerId", "volunteering.input.unknown-volunteer", volunteerId);
		}
		int n = jdbc.sql("""
				UPDATE elder_request SET status = 'ACCEPTED', volunteer_id = :v, decided_at = :at, decided_by = :by
				WHERE id = :id AND status = 'OPEN'
				""").param("v", volunteerId).param("at", clerk.now()).param("by", clerk.name()).param("id", id).update();
		if (n == 0) {
			throw BusinessException.conflict("volunteering.request.not-open", r.status().name());
		}
		audit.record("elder-request.accept", ENTITY, id, RegionCode.parse(r.regionCode()));
		return get(scope, id);
	}

	/**
	 * The matched service was given: its minutes are redeemed from the elder's account, the nearest pool granting
	 * first what the account lacks; refused (and nothing moved) when neither can pay.
	 */
	@Transactional
	public Request confirm(RegionScope scope, long id) {
		Request r = get(scope, id);
		if (r.status() != Status.ACCEPTED) {
			throw BusinessException.conflict("volunteering.request.not-accepted", r.status().name());
		}
		jdbc.sql("SELECT id FROM elder_request WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		TimeBank.Account clearing = ledger.clearing();
		Optional<Long> pool = ledger.nearestPool(r.regionCode());
		List<Long> ids = new ArrayList<>(List.of(clearing.id(), r.elderAccountId()));
		pool.ifPresent(ids::add);
		Map<Long, Ledger.Locked> locked = ledger.lock(ids);
		Ledger.Locked elder = locked.get(r.elderAccountId());
		long lacking = r.minutes() - elder.balance;
		if (lacking > 0) {
			if (pool.isEmpty()) {
				throw InvalidInputException.of("minutes", "volunteering.timebank.insufficient", elder.balance);
			}
			ledger.post(TransferKind.GRANT, locked.get(pool.get()), elder, lacking, null, null);
		}
		long transfer = ledger.post(TransferKind.REDEMPTION, elder, locked.get(clearing.id()), r.minutes(), null,
				null);
		jdbc.sql("""
				UPDATE elder_request SET status = 'DONE', transfer_id = :t, decided_at = :at, decided_by = :by
				WHERE id = :id
				""").param("t", transfer).param("at", clerk.now()).param("by", clerk.name()).param("id", id).update();
		audit.record("elder-request.confirm", ENTITY, id, RegionCode.parse(r.regionCode()));
		return get(scope, id);
	}

	public Request get(RegionScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE id = :id AND region_code >= :from AND region_code < :to")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query((rs, n) -> request(rs))
			.optional()
			.orElseThrow(() -> BusinessException.notFound("volunteering.request.unknown", id));
	}

	/** Requests in scope, newest first, at most 500. */
	public List<Request> list(RegionScope scope) {
		return jdbc.sql(SELECT + " WHERE region_code >= :from AND region_code < :to ORDER BY id DESC LIMIT 500")
			.param("from", scope.from())
			.param("to", scope.to())
			.query((rs, n) -> request(rs))
			.list();
	}

	private static final String SELECT = """
			SELECT id, elder_account_id, region_code, skill, content, wanted_on, minutes, status, volunteer_id,
			    transfer_id, created_at
			FROM elder_request""";

	private static Request request(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getInt(7), Status.valueOf(rs.getString(8)),
				(Long) rs.getObject(9, Long.class), (Long) rs.getObject(10, Long.class),
				rs.getTimestamp(11).toInstant());
	}

}
