package org.wushe.care;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.wushe.region.RegionScope;

/** The rows of {@code care_case} and {@code care_case_event}; every read is bound to a scope. */
@Repository
@RequiredArgsConstructor
class Cases {

	record Row(long id, long personId, String personName, String regionCode, CaseStage stage, String reason,
			LocalDate openedOn, Integer assessmentScore, String closureReason, LocalDate closedOn,
			LocalDate lastServiceOn, LocalDate intakeOn, LocalDate planApprovedOn, String openedBy) {
	}

	record EventRow(long id, Timestamp occurredAt, LocalDate eventDate, String actor, String action, String stageBefore,
			String stageAfter, String summary, String notesCipher) {
	}

	private final JdbcClient jdbc;

	private final CareTally tally;

	long insert(long personId, String region, String reason, LocalDate today, Timestamp now, String by) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO care_case (person_id, region_code, stage, reason, opened_on, intake_on, opened_by, created_at,
				    updated_at)
				VALUES (:person, :region, 'INTAKE', :reason, :today, :today, :by, :now, :now)
				""")
			.param("person", personId)
			.param("region", region)
			.param("reason", reason)
			.param("today", today)
			.param("by", by)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static final String SELECT = """
			SELECT c.id, c.person_id, p.name AS person_name, c.region_code, c.stage, c.reason, c.opened_on, c.assessment_score,
			       c.closure_reason, c.closed_on, c.last_service_on, c.intake_on, c.plan_approved_on, c.opened_by
			FROM care_case c JOIN care_person p ON p.id = c.person_id
			""";

	/** A referral in one of these states puts the case in the receiving station's reach. */
	static final String REFERRED_TO_SCOPE = """
			EXISTS (SELECT 1 FROM care_referral r WHERE r.case_id = c.id AND r.status IN (:states)
			        AND r.to_region >= :from AND r.to_region < :to)
			""";

	/**
	 * The case if its region is in scope, or ({@code referredStates} not empty) if it is referred to a station in
	 * scope with a referral in one of those states.
	 */
	Optional<Row> find(RegionScope scope, long id, boolean lock, List<String> referredStates) {
		boolean referred = !referredStates.isEmpty();
		return jdbc.sql(SELECT + " WHERE c.id = :id AND ((c.region_code >= :from AND c.region_code < :to)"
				+ (referred ? " OR " + REFERRED_TO_SCOPE : "") + ")" + (lock ? " FOR UPDATE" : ""))
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.param("states", referred ? referredStates : List.of("-"))
			.query(Row.class)
			.optional();
	}

	List<Row> list(RegionScope scope, String stage, Long personId, int offset, int size) {
		return jdbc.sql(SELECT + """
				WHERE c.region_code >= :from AND c.region_code < :to
				  AND (CAST(:stage AS VARCHAR(16)) IS NULL OR c.stage = :stage)
				  AND (CAST(:person AS BIGINT) IS NULL OR c.person_id = :person)
				ORDER BY c.id DESC
				OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("stage", stage)
			.param("person", personId)
			.param("offset", offset)
			.param("size", size)
			.query(Row.class)
			.list();
	}

	void stage(long id, CaseStage stage, Timestamp now) {
		jdbc.sql("UPDATE care_case SET stage = :stage, updated_at = :now WHERE id = :id")
			.param("stage", stage.name())
			.param("now", now)
			.param("id", id)
			.update();
	}

	void assessed(long id, int score) {
		jdbc.sql("UPDATE care_case SET assessment_score = :score WHERE id = :id").param("score", score)
			.param("id", id)
			.update();
	}

	void served(long id, LocalDate on) {
		jdbc.sql("""
				UPDATE care_case SET last_service_on = CASE WHEN last_service_on IS NULL OR last_service_on < :on
				    THEN :on ELSE last_service_on END WHERE id = :id
				""").param("on", on).param("id", id).update();
	}

	void closing(long id, String reason) {
		jdbc.sql("UPDATE care_case SET closure_reason = :reason WHERE id = :id").param("reason", reason)
			.param("id", id)
			.update();
	}

	void planApproved(long id, LocalDate on) {
		jdbc.sql("UPDATE care_case SET plan_approved_on = :on WHERE id = :id").param("on", on).param("id", id)
			.update();
	}

	/** A closed case opens again: a new intake date; the closure stays in the events. */
	void reopened(long id, LocalDate on) {
		jdbc.sql("""
				UPDATE care_case SET intake_on = :on, closed_on = NULL, closure_reason = NULL, plan_approved_on = NULL
				WHERE id = :id
				""").param("on", on).param("id", id).update();
	}

	void closed(long id, LocalDate on) {
		jdbc.sql("UPDATE care_case SET closed_on = :on WHERE id = :id").param("on", on).param("id", id).update();
	}

	void event(long caseId, Timestamp at, LocalDate date, String actor, String action, CaseStage before,
			CaseStage after, String summary, String notesCipher) {
		jdbc.sql("""
				INSERT INTO care_case_event (case_id, occurred_at, event_date, actor, action, stage_before, stage_after,
				    summary, notes_cipher)
				VALUES (:case, :at, :date, :actor, :action, :before, :after, :summary, :notes)
				""")
			.param("case", caseId)
			.param("at", at)
			.param("date", date)
			.param("actor", actor)
			.param("action", action)
			.param("before", before == null ? null : before.name())
			.param("after", after.name())
			.param("summary", summary)
			.param("notes", notesCipher)
			.update();
	}

	List<EventRow> events(long caseId) {
		return jdbc.sql("""
				SELECT id, occurred_at, event_date, actor, action, stage_before, stage_after, summary, notes_cipher
				FROM care_case_event WHERE case_id = :id ORDER BY occurred_at, id
				""")
			.param("id", caseId)
			.query(EventRow.class)
			.list();
	}

	/** The cases opened from these visits: visit id to case id (the case's OPEN event names {@code visit:<id>}). */
	Map<Long, Long> openedFrom(List<Long> visitIds) {
		Map<Long, Long> result = new HashMap<>();
		if (visitIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT summary, case_id FROM care_case_event WHERE action = 'OPEN' AND summary IN (:marks)
				""")
			.param("marks", visitIds.stream().map(id -> "visit:" + id).toList())
			.query((rs, n) -> result.putIfAbsent(Long.parseLong(rs.getString(1).substring(6)), rs.getLong(2)))
			.list();
		return result;
	}

	/** A transferred person's cases follow them, and so do their counts. */
	void moveWithPerson(long personId, String from, String to) {
		List<String> stages = jdbc.sql("SELECT stage FROM care_case WHERE person_id = :p FOR UPDATE")
			.param("p", personId)
			.query(String.class)
			.list();
		for (String s : stages) {
			String metric = CaseStage.CLOSED.name().equals(s) ? CareTally.CLOSED_CASES : CareTally.OPEN_CASES;
			tally.count(from, metric, -1);
			tally.count(to, metric, 1);
		}
		jdbc.sql("UPDATE care_case SET region_code = :to WHERE person_id = :p").param("to", to).param("p", personId)
			.update();
	}

}
