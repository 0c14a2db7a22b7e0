package org.wushe.care;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.shared.upload.UploadedFile;

/**
 * 探访关爱: recording a visit moves the person's next due date, counts the visit on its day and marks the person
 * served, all in one transaction with the person's row locked; the due list is a range scan of
 * {@code (region_code, next_due)}. An urgent follow-up stays open as an alert until a case is opened for the person.
 */
@Service
public class Visits {

	static final String ENTITY = "care-visit";

	static final String NOTES = "care-visit-notes";

	private final JdbcClient jdbc;

	private final PersonService persons;

	private final ServedMarks served;

	private final CareTally tally;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final VisitDetails details;

	Visits(JdbcClient jdbc, PersonService persons, ServedMarks served, CareTally tally, FieldCipher cipher,
			AuditTrail audit, VisitDetails details) {
		this.details = details;
		this.jdbc = jdbc;
		this.persons = persons;
		this.served = served;
		this.tally = tally;
		this.cipher = cipher;
		this.audit = audit;
	}

	@Transactional
	public Visit record(long personId, VisitInput input, CurrentUser user) {
		return record(personId, input, List.of(), user);
	}

	/** Records a visit with its photos (cleaned of their metadata); visitors are checked against the registries. */
	@Transactional
	public Visit record(long personId, VisitInput input, List<UploadedFile> photos, CurrentUser user) {
		Persons.Row person = persons.lock(user.scope(), personId);
		FieldChecks c = new FieldChecks();
		LocalDate date = c.date("date", input.date(), persons.today(), true);
		if (date != null && date.isBefore(person.birthDate())) {
			c.add("date", "care.visit.before-birth");
		}
		VisitInput.Way way = c.choice("way", input.way(), VisitInput.Way.class, true);
		List<VisitInput.Finding> findings = c.choices("findings", input.findings(), VisitInput.Finding.class);
		VisitInput.FollowUp followUp = c.choice("followUp", input.followUp(), VisitInput.FollowUp.class, true);
		String notes = c.optional("notes", input.notes(), 2000);
		List<Long> visitors = input.visitorIds() == null ? List.of()
				: input.visitorIds().stream().filter(v -> v != null).distinct().toList();
		String visitorText = visitors.stream().map(String::valueOf).collect(Collectors.joining(","));
		if (visitorText.length() > 400) {
			c.add("visitorIds", "actor.input.too-long", 400);
		}
		VisitDetails.Checked extra = details.check(c, user.scope(), input, photos);
		c.throwIfAny();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO care_visit (person_id, region_code, visit_date, way, visitor_ids, findings, follow_up,
				    notes_cipher, alert_open, created_at, created_by)
				VALUES (:person, :region, :date, :way, :visitors, :findings, :followUp, :notes, :alert, :now, :by)
				""")
			.param("person", personId)
			.param("region", person.regionCode())
			.param("date", date)
			.param("way", way.name())
			.param("visitors", visitorText)
			.param("findings", findings.stream().map(Enum::name).collect(Collectors.joining(",")))
			.param("followUp", followUp.name())
			.param("notes", notes == null ? null : cipher.encrypt(NOTES, notes))
			.param("alert", followUp == VisitInput.FollowUp.URGENT)
			.param("now", persons.now())
			.param("by", PersonService.who())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		persons.visited(person, date);
		tally.daily(person.regionCode(), CareTally.VISITS, date, 1);
		served.mark(personId, person.regionCode(), date);
		audit.record("care-visit.create", ENTITY, id, RegionCode.parse(person.regionCode()));
		details.store(id, personId, person.regionCode(), extra, persons.now(), PersonService.who());
		return details.completed(new Visit(id, personId, person.regionCode(), date, way.name(), visitors,
				findings.stream().map(Enum::name).toList(), followUp.name(), notes), extra);
	}

	public List<Visit> of(CurrentUser user, long personId) {
		persons.row(user.scope(), personId);
		boolean notes = CaseService.mayReadNotes(user);
		return details.completed(personId, jdbc.sql("""
				SELECT id, person_id, region_code, visit_date, way, visitor_ids, findings, follow_up, notes_cipher
				FROM care_visit WHERE person_id = :p ORDER BY visit_date DESC, id DESC
				""")
			.param("p", personId)
			.query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), ids(rs.getString(6)), list(rs.getString(7)),
					rs.getString(8), notes && rs.getString(9) != null ? open(rs.getString(9)) : null))
			.list());
	}

	private String open(String text) {
		try {
			return cipher.decrypt(NOTES, text);
		}
		catch (FieldCipher.TamperedException ex) {
			throw BusinessException.conflict("actor.personal-data.unreadable");
		}
	}

	private static List<Long> ids(String text) {
		return list(text).stream().map(Long::valueOf).toList();
	}

	private static List<String> list(String text) {
		return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
	}

	/** Everything overdue in scope plus what falls due within {@code within} days, soonest first. */
	public List<Visit.Due> due(RegionScope scope, int within, int limit) {
		LocalDate today = persons.today();
		return jdbc.sql("""
				SELECT id, name, region_code, next_due FROM care_person
				WHERE region_code >= :from AND region_code < :to AND next_due <= :until
				ORDER BY next_due, id
				FETCH FIRST :limit ROWS ONLY
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("until", today.plusDays(within))
			.param("limit", limit)
			.query((rs, n) -> {
				LocalDate d = rs.getObject(4, LocalDate.class);
				return new Visit.Due(rs.getLong(1), rs.getString(2), rs.getString(3), d, d.isBefore(today));
			})
			.list();
	}

	/**
	 * Open urgent follow-ups of the persons now registered in scope, newest first: a transferred person's alert
	 * follows them to the region that now serves them.
	 */
	public List<Visit.Alert> alerts(RegionScope scope, int limit) {
		return jdbc.sql("""
				SELECT v.id AS visit_id, v.person_id, p.name AS person_name, p.region_code, v.visit_date AS date
				FROM care_visit v JOIN care_person p ON p.id = v.person_id
				WHERE v.alert_open = TRUE AND p.region_code >= :from AND p.region_code < :to
				ORDER BY v.visit_date DESC, v.id DESC
				FETCH FIRST :limit ROWS ONLY
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("limit", limit)
			.query(Visit.Alert.class)
			.list();
	}

	/** The person a visit is of, if the visit's person is in the scope. */
	Optional<Long> personOf(RegionScope scope, long visitId) {
		return jdbc.sql("""
				SELECT v.person_id FROM care_visit v JOIN care_person p ON p.id = v.person_id
				WHERE v.id = :id AND p.region_code >= :from AND p.region_code < :to
				""")
			.param("id", visitId)
			.param("from", scope.from())
			.param("to", scope.to())
			.query(Long.class)
			.optional();
	}

	/** A case was opened for the person: their urgent alerts are taken up. */
	void closeAlerts(long personId) {
		jdbc.sql("UPDATE care_visit SET alert_open = FALSE WHERE person_id = :p AND alert_open = TRUE")
			.param("p", personId)
			.update();
	}

}
