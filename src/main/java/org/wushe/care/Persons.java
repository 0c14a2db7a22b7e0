package org.wushe.care;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionScope;

/** The rows of {@code care_person} and its categories, history and relatives; every read is bound to a scope. */
@Repository
@RequiredArgsConstructor
public class Persons {

	/** A person's row as stored, protected values sealed. */
	record Row(long id, String regionCode, String name, String gender, LocalDate birthDate, String idNumberCipher,
			String idNumberHash, String idNumberMasked, String phoneCipher, String phoneMasked, String addressCipher,
			String addressMasked, String healthCipher, String riskLevel, String livingSituation,
			String consentGuardianName, String consentRelation, LocalDate consentDate, String consentMethod,
			int visitIntervalDays, LocalDate registeredOn, LocalDate lastVisitOn, LocalDate nextDue) {
	}

	/** The values of an insert or update. {@code null} sealed values keep the stored ones on update. */
	record Values(String regionCode, String name, String gender, LocalDate birthDate, SealedValue idNumber,
			SealedValue phone, String addressCipher, String addressMasked, String healthCipher, String riskLevel,
			String livingSituation, Person.Consent consent, List<String> categories) {
	}

	/** One line of a file's history: registered, edited or transferred. */
	public record HistoryLine(long personId, String personName, Timestamp occurredAt, String actor, String action,
			String fromRegion, String toRegion) {
	}

	private final JdbcClient jdbc;

	long insert(Values v, int intervalDays, LocalDate today, LocalDate nextDue, Timestamp now, String by) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO care_person (region_code, name, gender, birth_date, id_number_cipher, id_number_hash,
				    id_number_masked, phone_cipher, phone_masked, address_cipher, address_masked, health_cipher,
				    risk_level, living_situation, consent_guardian_name, consent_relation, consent_date, consent_method,
				    visit_interval_days, registered_on, next_due, created_at, created_by, updated_at, updated_by)
				VALUES (:region, :name, :gender, :birth, :idCipher, :idHash, :idMasked, :phoneCipher, :phoneMasked,
				    :addressCipher, :addressMasked, :health, :risk, :living, :consentName, :consentRelation,
				    :consentDate, :consentMethod, :interval, :today, :nextDue, :now, :by, :now, :by)
				""")
			.paramSource(values(v).addValue("interval", intervalDays)
				.addValue("today", today)
				.addValue("nextDue", nextDue)
				.addValue("now", now)
				.addValue("by", by))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		setCategories(id, v.categories());
		return id;
	}

	void update(long id, Values v, int intervalDays, LocalDate nextDue, Timestamp now, String by) {
		jdbc.sql("""
				UPDATE care_person SET name = :name, gender = :gender, birth_date = :birth,
				    id_number_cipher = COALESCE(:idCipher, id_number_cipher),
				    id_number_hash = COALESCE(:idHash, id_number_hash),
				    id_number_masked = COALESCE(:idMasked, id_number_masked),
				    phone_cipher = COALESCE(:phoneCipher, phone_cipher),
				    phone_masked = COALESCE(:phoneMasked, phone_masked),
				    address_cipher = COALESCE(:addressCipher, address_cipher),
				    address_masked = COALESCE(:addressMasked, address_masked),
				    health_cipher = COALESCE(:health, health_cipher),
				    risk_level = :risk, living_situation = :living,
				    consent_guardian_name = COALESCE(:consentName, consent_guardian_name),
				    consent_relation = COALESCE(:consentRelation, consent_relation),
				    consent_date = COALESCE(:consentDate, consent_date),
				    consent_method = COALESCE(:consentMethod, consent_method),
				    visit_interval_days = :interval, next_due = :nextDue, updated_at = :now, updated_by = :by
				WHERE id = :id
				""")
			.paramSource(values(v).addValue("interval", intervalDays)
				.addValue("nextDue", nextDue)
				.addValue("now", now)
				.addValue("by", by)
				.addValue("id", id))
			.update();
		jdbc.sql("DELETE FROM care_person_category WHERE person_id = :id").param("id", id).update();
		setCategories(id, v.categories());
	}

	/** The named parameters of a person's values, shared by insert and update. */
	private static MapSqlParameterSource values(Values v) {
		SealedValue id = v.idNumber();
		SealedValue phone = v.phone();
		Person.Consent c = v.consent();
		return new MapSqlParameterSource().addValue("region", v.regionCode())
			.addValue("name", v.name())
			.addValue("gender", v.gender())
			.addValue("birth", v.birthDate())
			.addValue("idCipher", id == null ? null : id.cipherText())
			.addValue("idHash", id == null ? null : id.searchHash())
			.addValue("idMasked", id == null ? null : id.masked())
			.addValue("phoneCipher", phone == null ? null : phone.cipherText())
			.addValue("phoneMasked", phone == null ? null : phone.masked())
			.addValue("addressCipher", v.addressCipher())
			.addValue("addressMasked", v.addressMasked())
			.addValue("health", v.healthCipher())
			.addValue("risk", v.riskLevel())
			.addValue("living", v.livingSituation())
			.addValue("consentName", c == null ? null : c.guardianName())
			.addValue("consentRelation", c == null ? null : c.relation())
			.addValue("consentDate", c == null ? null : c.date())
			.addValue("consentMethod", c == null ? null : c.method());
	}

	private void setCategories(long id, List<String> categories) {
		for (String c : categories) {
			jdbc.sql("INSERT INTO care_person_category (person_id, category_code) VALUES (:id, :c)")
				.param("id", id)
				.param("c", c)
				.update();
		}
	}

	/** Locks the row for the rest of the transaction (visits, transfers and edits of one person queue on it). */
	Optional<Row> lock(RegionScope scope, long id) {
		return jdbc.sql("SELECT * FROM care_person WHERE id = :id AND region_code >= :from AND region_code < :to"
				+ " FOR UPDATE")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Row.class)
			.optional();
	}

	Optional<Row> find(RegionScope scope, long id) {
		return jdbc.sql("SELECT * FROM care_person WHERE id = :id AND region_code >= :from AND region_code < :to")
			.param("id", id)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Row.class)
			.optional();
	}

	/** Where a person with this ID-number hash is registered, whatever the scope (for the one-file rule). */
	Optional<String> regionOfIdNumber(String hash, Long except) {
		return jdbc.sql("SELECT region_code FROM care_person WHERE id_number_hash = :hash AND id <> :except")
			.param("hash", hash)
			.param("except", except == null ? -1L : except)
			.query(String.class)
			.optional();
	}

	List<Row> list(RegionScope scope, String q, String category, int offset, int size) {
		String like = q == null || q.isBlank() ? null : "%" + q.strip() + "%";
		String cat = category == null || category.isBlank() ? null : category.strip();
		return jdbc.sql("""
				SELECT * FROM care_person p
				WHERE p.region_code >= :from AND p.region_code < :to
				  AND (CAST(:q AS VARCHAR(60)) IS NULL OR p.name LIKE :q)
				  AND (CAST(:cat AS VARCHAR(40)) IS NULL OR EXISTS (SELECT 1 FROM care_person_category c
				       WHERE c.person_id = p.id AND c.category_code = :cat))
				ORDER BY p.region_code, p.id
				OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("q", like)
			.param("cat", cat)
			.param("offset", offset)
			.param("size", size)
			.query(Row.class)
			.list();
	}

	Map<Long, List<String>> categories(List<Long> ids) {
		record Category(long personId, String categoryCode) {
		}
		Map<Long, List<String>> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		for (int i = 0; i < ids.size(); i += 500) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
			jdbc.sql("""
					SELECT pc.person_id, pc.category_code FROM care_person_category pc
					JOIN care_category c ON c.code = pc.category_code
					WHERE pc.person_id IN (:ids) ORDER BY pc.person_id, c.sort_order, c.code
					""")
				.param("ids", chunk)
				.query(Category.class)
				.list()
				.forEach(c -> result.computeIfAbsent(c.personId(), k -> new ArrayList<>()).add(c.categoryCode()));
		}
		return result;
	}

	void moveRegion(long id, String to, Timestamp now, String by) {
		jdbc.sql("UPDATE care_person SET region_code = :to, updated_at = :now, updated_by = :by WHERE id = :id")
			.param("to", to)
			.param("now", now)
			.param("by", by)
			.param("id", id)
			.update();
	}

	void visited(long id, LocalDate lastVisitOn, LocalDate nextDue) {
		jdbc.sql("UPDATE care_person SET last_visit_on = :last, next_due = :due WHERE id = :id")
			.param("last", lastVisitOn)
			.param("due", nextDue)
			.param("id", id)
			.update();
	}

	void history(long personId, Timestamp at, String actor, String action, String from, String to) {
		jdbc.sql("""
				INSERT INTO care_person_history (person_id, occurred_at, actor, action, from_region, to_region)
				VALUES (:id, :at, :actor, :action, :from, :to)
				""")
			.param("id", personId)
			.param("at", at)
			.param("actor", actor)
			.param("action", action)
			.param("from", from)
			.param("to", to)
			.update();
	}

	List<HistoryLine> historyOf(long personId) {
		return jdbc.sql("""
				SELECT h.person_id, p.name AS person_name, h.occurred_at, h.actor, h.action, h.from_region, h.to_region
				FROM care_person_history h JOIN care_person p ON p.id = h.person_id
				WHERE h.person_id = :id ORDER BY h.occurred_at, h.id
				""").param("id", personId).query(HistoryLine.class).list();
	}

	/**
	 * The lines of a person's history on the scope's side: those whose from or to region lies in it (a region the
	 * person has left sees the move out, not what happened to them afterwards elsewhere).
	 */
	List<HistoryLine> historySeenFrom(RegionScope scope, long personId) {
		return jdbc.sql("""
				SELECT h.person_id, p.name AS person_name, h.occurred_at, h.actor, h.action, h.from_region, h.to_region
				FROM care_person_history h JOIN care_person p ON p.id = h.person_id
				WHERE h.person_id = :id
				  AND ((h.from_region >= :from AND h.from_region < :to) OR (h.to_region >= :from AND h.to_region < :to))
				ORDER BY h.occurred_at, h.id
				""")
			.param("id", personId)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(HistoryLine.class)
			.list();
	}

	/** Transfers into or out of the scope: each side sees the move. */
	List<HistoryLine> moves(RegionScope scope, int size) {
		return jdbc.sql("""
				SELECT h.person_id, p.name AS person_name, h.occurred_at, h.actor, h.action, h.from_region, h.to_region
				FROM care_person_history h JOIN care_person p ON p.id = h.person_id
				WHERE h.action = 'TRANSFER'
				  AND ((h.from_region >= :from AND h.from_region < :to) OR (h.to_region >= :from AND h.to_region < :to))
				ORDER BY h.occurred_at DESC, h.id DESC
				FETCH FIRST :size ROWS ONLY
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("size", size)
			.query(HistoryLine.class)
			.list();
	}

}
