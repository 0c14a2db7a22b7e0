package org.wushe.care;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.personal.FieldChecks;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.crypto.FieldCipher;

/**
 * 个案管理: a case goes from intake through assessment, a plan a supervisor approves, services and referrals, to a
 * closure a supervisor approves. A step from the wrong stage answers 409; every step and decision is kept as an event.
 * Notes are sealed at rest and shown only to viewers at the county level or below, or with {@code care:notes}.
 */
@Service
public class CaseService {

	static final String ENTITY = "care-case";

	static final String NOTES = "care-case-notes";

	private final Cases cases;

	private final PersonService persons;

	private final Visits visits;

	private final ServedMarks served;

	private final CareTally tally;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	CaseService(Cases cases, PersonService persons, Visits visits, ServedMarks served, CareTally tally,
			FieldCipher cipher, AuditTrail audit) {
		this.cases = cases;
		this.persons = persons;
		this.visits = visits;
		this.served = served;
		this.tally = tally;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** Whether the viewer may read case and visit notes: county level or below, or {@code care:notes}. */
	static boolean mayReadNotes(CurrentUser viewer) {
		return viewer.can(Permissions.CARE_NOTES)
				|| viewer.region().level().number() >= RegionLevel.COUNTY.number();
	}

	@Transactional
	public CareCase open(CaseInputs.Open input, CurrentUser user) {
		FieldChecks c = new FieldChecks();
		if (input.personId() == null) {
			c.add("personId", "actor.input.required");
		}
		String reason = c.required("reason", input.reason(), 500);
		c.throwIfAny();
		Persons.Row person = persons.lock(user.scope(), input.personId());
		long id = cases.insert(person.id(), person.regionCode(), reason, persons.today(), persons.now(),
				PersonService.who());
		cases.event(id, persons.now(), persons.today(), PersonService.who(), "OPEN", null, CaseStage.INTAKE,
				input.visitId() == null ? null : "visit:" + input.visitId(), null);
		tally.count(person.regionCode(), CareTally.OPEN_CASES, 1);
		visits.closeAlerts(person.id());
		audit.record("care-case.create", ENTITY, id, RegionCode.parse(person.regionCode()));
		return get(user, id);
	}

	@Transactional
	public CareCase assess(long id, CaseInputs.Assessment a, CurrentUser user) {
		Cases.Row row = lock(user, id, Set.of(CaseStage.INTAKE, CaseStage.ASSESSMENT));
		FieldChecks c = new FieldChecks();
		int score = score(c, "safety", a.safety()) + score(c, "health", a.health())
				+ score(c, "dailyLiving", a.dailyLiving()) + score(c, "economy", a.economy())
				+ score(c, "family", a.family()) + score(c, "psychology", a.psychology());
		String notes = c.optional("notes", a.notes(), 2000);
		c.throwIfAny();
		String text = "safety=%d health=%d dailyLiving=%d economy=%d family=%d psychology=%d".formatted(a.safety(),
				a.health(), a.dailyLiving(), a.economy(), a.family(), a.psychology());
		cases.assessed(id, score);
		step(row, "ASSESS", CaseStage.ASSESSMENT, persons.today(), text, notes);
		return get(user, id);
	}

	private static int score(FieldChecks c, String field, Integer value) {
		if (value == null) {
			c.add(field, "actor.input.required");
			return 0;
		}
		if (value < 0 || value > 5) {
			c.add(field, "actor.input.range", "0", "5");
			return 0;
		}
		return value;
	}

	@Transactional
	public CareCase plan(long id, CaseInputs.Plan p, CurrentUser user) {
		Cases.Row row = lock(user, id, Set.of(CaseStage.ASSESSMENT));
		FieldChecks c = new FieldChecks();
		String goals = c.required("goals", p.goals(), 1000);
		String actions = c.required("actions", p.actions(), 1000);
		String who = c.required("who", p.who(), 200);
		LocalDate by = c.date("byDate", p.byDate(), null, true);
		if (by != null && by.isBefore(persons.today())) {
			c.add("byDate", "care.case.by-date-past");
		}
		String notes = c.optional("notes", p.notes(), 2000);
		c.throwIfAny();
		String text = String.join("\n", goals, actions, who, notes == null ? "" : notes).strip();
		step(row, "PLAN", CaseStage.PLAN_PENDING, persons.today(), "by:" + by, text);
		return get(user, id);
	}

	@Transactional
	public CareCase approvePlan(long id, CaseInputs.Decision d, CurrentUser user) {
		requireSupervisor(user);
		Cases.Row row = lock(user, id, Set.of(CaseStage.PLAN_PENDING));
		step(row, "PLAN_APPROVE", CaseStage.SERVICE, persons.today(), null, comment(d));
		return get(user, id);
	}

	@Transactional
	public CareCase returnPlan(long id, CaseInputs.Decision d, CurrentUser user) {
		requireSupervisor(user);
		Cases.Row row = lock(user, id, Set.of(CaseStage.PLAN_PENDING));
		FieldChecks c = new FieldChecks();
		String reason = c.required("reason", d == null ? null : d.reason(), 500);
		c.throwIfAny();
		step(row, "PLAN_RETURN", CaseStage.ASSESSMENT, persons.today(), null, reason);
		return get(user, id);
	}

	@Transactional
	public CareCase service(long id, CaseInputs.Service s, CurrentUser user) {
		Cases.Row row = lock(user, id, Set.of(CaseStage.SERVICE));
		FieldChecks c = new FieldChecks();
		LocalDate date = c.date("date", s.date(), persons.today(), true);
		CaseInputs.ServiceKind kind = c.choice("kind", s.kind(), CaseInputs.ServiceKind.class, true);
		if (kind == CaseInputs.ServiceKind.ACTIVITY && s.activityId() == null) {
			c.add("activityId", "actor.input.required");
		}
		String notes = c.optional("notes", s.notes(), 2000);
		c.throwIfAny();
		persons.lock(new RegionScope(RegionCode.COUNTRY), row.personId());
		cases.served(id, date);
		served.mark(row.personId(), row.regionCode(), date);
		step(row, "SERVICE", CaseStage.SERVICE, date,
				kind.name() + (s.activityId() == null ? "" : " activity:" + s.activityId()), notes);
		return get(user, id);
	}

	@Transactional
	public CareCase refer(long id, CaseInputs.Referral r, CurrentUser user) {
		Cases.Row row = lock(user, id, Set.of(CaseStage.ASSESSMENT, CaseStage.PLAN_PENDING, CaseStage.SERVICE));
		FieldChecks c = new FieldChecks();
		CaseInputs.ReferralKind kind = c.choice("toKind", r.toKind(), CaseInputs.ReferralKind.class, true);
		String to = c.required("to", r.to(), 100);
		String reason = c.required("reason", r.reason(), 1000);
		c.throwIfAny();
		tally.daily(row.regionCode(), CareTally.REFERRALS, persons.today(), 1);
		step(row, "REFERRAL", row.stage(), persons.today(), kind.name() + ":" + to, reason);
		return get(user, id);
	}

	@Transactional
	public CareCase close(long id, CaseInputs.Close cl, CurrentUser user) {
		Cases.Row row = lock(user, id, Set.of(CaseStage.SERVICE));
		FieldChecks c = new FieldChecks();
		String reason = c.required("reason", cl.reason(), 500);
		String review = c.optional("review", cl.review(), 2000);
		c.throwIfAny();
		cases.closing(id, reason);
		step(row, "CLOSE", CaseStage.CLOSE_PENDING, persons.today(), null, review);
		return get(user, id);
	}

	@Transactional
	public CareCase approveClose(long id, CaseInputs.Decision d, CurrentUser user) {
		requireSupervisor(user);
		Cases.Row row = lock(user, id, Set.of(CaseStage.CLOSE_PENDING));
		cases.closed(id, persons.today());
		tally.count(row.regionCode(), CareTally.OPEN_CASES, -1);
		tally.count(row.regionCode(), CareTally.CLOSED_CASES, 1);
		step(row, "CLOSE_APPROVE", CaseStage.CLOSED, persons.today(), null, comment(d));
		return get(user, id);
	}

	private static String comment(CaseInputs.Decision d) {
		return d == null || d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
	}

	private static void requireSupervisor(CurrentUser user) {
		if (!user.can(Permissions.CARE_SUPERVISE)) {
			throw BusinessException.forbidden("care.case.supervisor-only");
		}
	}

	private Cases.Row lock(CurrentUser user, long id, Set<CaseStage> allowed) {
		Cases.Row row = cases.find(user.scope(), id, true).orElseThrow(() -> unknown(id));
		if (!allowed.contains(row.stage())) {
			throw BusinessException.conflict("care.case.wrong-stage." + row.stage().messageKey().substring(11));
		}
		return row;
	}

	private void step(Cases.Row row, String action, CaseStage after, LocalDate date, String summary, String notes) {
		Timestamp now = persons.now();
		if (after != row.stage()) {
			cases.stage(row.id(), after, now);
		}
		cases.event(row.id(), now, date, PersonService.who(), action, row.stage(), after, summary,
				notes == null ? null : cipher.encrypt(NOTES, notes));
		audit.record("care-case." + action.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), ENTITY, row.id(),
				RegionCode.parse(row.regionCode()));
	}

	static BusinessException unknown(long id) {
		return BusinessException.notFound("care.case.unknown", id);
	}

	public CareCase get(CurrentUser user, long id) {
		Cases.Row row = cases.find(user.scope(), id, false).orElseThrow(() -> unknown(id));
		boolean notes = mayReadNotes(user);
		List<CareCase.Event> events = cases.events(id)
			.stream()
			.map(e -> new CareCase.Event(e.id(), e.occurredAt().toInstant(), e.date(), e.actor(), e.action(),
					e.stageBefore(), e.stageAfter(), notes ? e.summary() : null,
					notes && e.notesCipher() != null ? open(e.notesCipher()) : null))
			.toList();
		return view(row, notes, events);
	}

	public List<CareCase> list(CurrentUser user, RegionScope scope, String stage, Long personId, int offset,
			int size) {
		boolean notes = mayReadNotes(user);
		String s = stage == null || stage.isBlank() ? null : stage.strip();
		return cases.list(scope, s, personId, Math.max(0, offset), Math.min(Math.max(1, size), 500))
			.stream()
			.map(r -> view(r, notes, List.of()))
			.toList();
	}

	private static CareCase view(Cases.Row r, boolean notes, List<CareCase.Event> events) {
		return new CareCase(r.id(), r.personId(), r.personName(), r.regionCode(), r.stage().name(),
				notes ? r.reason() : null, r.openedOn(), r.assessmentScore(), notes ? r.closureReason() : null,
				r.closedOn(), r.lastServiceOn(), !notes, events);
	}

	private String open(String text) {
		try {
			return cipher.decrypt(NOTES, text);
		}
		catch (FieldCipher.TamperedException ex) {
			throw BusinessException.conflict("actor.personal-data.unreadable");
		}
	}

}
