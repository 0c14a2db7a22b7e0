package org.wushe.care;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.FieldChecks;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;

/**
 * 家庭成员/监护人: the family members and guardians of a person, each a name and relation with a sealed phone, or a
 * link to another registered person in the caller's scope. Every read and write goes through the person found in
 * scope first.
 */
@Service
@RequiredArgsConstructor
public class Relatives {

	/** A family member or guardian as pages and the API show them: the phone masked. */
	public record Relative(long id, String name, String relation, String phone, Long relatedPersonId, boolean guardian) {
	}

	/** A family member as typed: {@code relatedPersonId} links a registered person (then the name may be blank). */
	public record Input(String name, String relation, String phone, Long relatedPersonId, Boolean guardian) {
	}

	private final JdbcClient jdbc;

	private final PersonService persons;

	private final PersonalData personalData;

	private final AuditTrail audit;

	/** The family of a person in scope, guardians first. */
	public List<Relative> of(RegionScope scope, long personId) {
		persons.row(scope, personId);
		return jdbc.sql("""
				SELECT id, name, relation, phone_masked AS phone, related_person_id, guardian FROM care_person_relative
				WHERE person_id = :p ORDER BY guardian DESC, id
				""")
			.param("p", personId)
			.query(Relative.class)
			.list();
	}

	@Transactional
	public Relative add(RegionScope scope, long personId, Input input) {
		Persons.Row person = persons.lock(scope, personId);
		FieldChecks c = new FieldChecks();
		String linkedName = null;
		if (input.relatedPersonId() != null) {
			Optional<Person> linked = input.relatedPersonId() == personId ? Optional.empty()
					: found(scope, input.relatedPersonId());
			if (linked.isEmpty()) {
				c.add("relative.relatedPersonId", "care.family.person-unknown", input.relatedPersonId());
			}
			else {
				linkedName = linked.get().name();
			}
		}
		String name = linkedName != null && (input.name() == null || input.name().isBlank()) ? linkedName
				: c.required("relative.name", input.name(), 50);
		String relation = c.required("relative.relation", input.relation(), 20);
		PhoneNumber phone = c.phone("relative.phone", input.phone(), false);
		c.throwIfAny();
		SealedValue sealed = phone == null ? null : personalData.seal(phone);
		boolean guardian = Boolean.TRUE.equals(input.guardian());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO care_person_relative (person_id, name, relation, related_person_id, guardian, phone_cipher,
				    phone_masked)
				VALUES (:p, :name, :relation, :linked, :guardian, :cipher, :masked)
				""")
			.param("p", personId)
			.param("name", name)
			.param("relation", relation)
			.param("linked", input.relatedPersonId())
			.param("guardian", guardian)
			.param("cipher", sealed == null ? null : sealed.cipherText())
			.param("masked", sealed == null ? null : sealed.masked())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("person.family-add", PersonService.ENTITY, personId, RegionCode.parse(person.regionCode()));
		return new Relative(id, name, relation, sealed == null ? null : sealed.masked(), input.relatedPersonId(),
				guardian);
	}

	/**
	 * The full phone of one family member of a person in scope (404 outside or for another person's family member),
	 * for a viewer with {@code personal-data:view}; every read is audited against the person; {@code null} when none
	 * was given.
	 */
	@Transactional
	public String revealPhone(CurrentUser viewer, long personId, long relativeId) {
		Persons.Row person = persons.row(viewer.scope(), personId);
		String cipher = jdbc.sql("SELECT phone_cipher FROM care_person_relative WHERE id = :id AND person_id = :p")
			.param("id", relativeId)
			.param("p", personId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.orElseThrow(() -> BusinessException.notFound("care.family.unknown", relativeId))
			.orElse(null);
		Map<PersonalData.Kind, String> sealed = new EnumMap<>(PersonalData.Kind.class);
		sealed.put(PersonalData.Kind.PHONE, cipher);
		return personalData.reveal(viewer, PersonService.ENTITY, personId, RegionCode.parse(person.regionCode()), sealed)
			.get(PersonalData.Kind.PHONE);
	}

	private Optional<Person> found(RegionScope scope, long id) {
		try {
			return Optional.of(persons.get(scope, id));
		}
		catch (BusinessException outside) {
			return Optional.empty();
		}
	}

	@Transactional
	public void remove(RegionScope scope, long personId, long relativeId) {
		Persons.Row person = persons.lock(scope, personId);
		int removed = jdbc.sql("DELETE FROM care_person_relative WHERE id = :id AND person_id = :p")
			.param("id", relativeId)
			.param("p", personId)
			.update();
		if (removed == 0) {
			throw BusinessException.notFound("care.family.unknown", relativeId);
		}
		audit.record("person.family-remove", PersonService.ENTITY, personId, RegionCode.parse(person.regionCode()));
	}

}
