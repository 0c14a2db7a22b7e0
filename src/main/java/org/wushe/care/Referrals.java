package org.wushe.care;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.wushe.region.RegionScope;

/** The rows of {@code care_referral}: each referral of a case and the receiver's decision on it. */
@Repository
@RequiredArgsConstructor
class Referrals {

	enum Status {
		PENDING, ACCEPTED, DECLINED
	}

	record Row(long id, long caseId, String toKind, String toName, String toRegion, String reason, Status status,
			LocalDate referredOn, String referredBy, Timestamp decidedAt, String decidedBy, String declineReason) {
	}

	private static final String SELECT = """
			SELECT id, case_id, to_kind, to_name, to_region, reason, status, referred_on, referred_by, decided_at,
			       decided_by, decline_reason
			FROM care_referral
			""";

	private static final RowMapper<Row> ROW = new DataClassRowMapper<>(Row.class);

	private final JdbcClient jdbc;

	long insert(long caseId, String kind, String name, String region, String reason, LocalDate on, String by) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO care_referral (case_id, to_kind, to_name, to_region, reason, status, referred_on, referred_by)
				VALUES (:case, :kind, :name, :region, :reason, 'PENDING', :on, :by)
				""")
			.param("case", caseId)
			.param("kind", kind)
			.param("name", name)
			.param("region", region)
			.param("reason", reason)
			.param("on", on)
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Row> find(long caseId, long id, boolean lock) {
		return jdbc.sql(SELECT + " WHERE id = :id AND case_id = :case" + (lock ? " FOR UPDATE" : ""))
			.param("id", id)
			.param("case", caseId)
			.query(ROW)
			.optional();
	}

	List<Row> of(long caseId) {
		return jdbc.sql(SELECT + " WHERE case_id = :case ORDER BY id").param("case", caseId).query(ROW).list();
	}

	/** A referral to a station in scope, with its case's person and region. */
	record Incoming(Row referral, long personId, String personName, String caseRegion) {
	}

	/** Referrals to stations in scope, of one status or all, newest first. */
	List<Incoming> incoming(RegionScope scope, Status status, int size) {
		return jdbc.sql("""
				SELECT r.id, r.case_id, r.to_kind, r.to_name, r.to_region, r.reason, r.status, r.referred_on,
				       r.referred_by, r.decided_at, r.decided_by, r.decline_reason, c.person_id, p.name, c.region_code
				FROM care_referral r JOIN care_case c ON c.id = r.case_id JOIN care_person p ON p.id = c.person_id
				WHERE r.to_region >= :from AND r.to_region < :to
				  AND (CAST(:status AS VARCHAR(10)) IS NULL OR r.status = :status)
				ORDER BY r.id DESC
				FETCH FIRST :size ROWS ONLY
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("status", status == null ? null : status.name())
			.param("size", size)
			.query((rs, n) -> new Incoming(ROW.mapRow(rs, n), rs.getLong(13), rs.getString(14), rs.getString(15)))
			.list();
	}

	void decide(long id, Status status, Timestamp at, String by, String reason) {
		jdbc.sql("""
				UPDATE care_referral SET status = :status, decided_at = :at, decided_by = :by, decline_reason = :reason
				WHERE id = :id AND status = 'PENDING'
				""")
			.param("status", status.name())
			.param("at", at)
			.param("by", by)
			.param("reason", reason)
			.param("id", id)
			.update();
	}

}
