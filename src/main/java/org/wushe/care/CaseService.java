package org.wushe.care;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.crypto.FieldCipher;

/**
 * 个案管理: a case goes from intake through assessment, a plan a supervisor approves, services and referrals, to a
 * closure a supervisor approves, and may be reopened. Every step goes through {@link #transition}: the supervisor
 * check, the stage check (409 from the wrong stage), the step's own checks (400 naming the field, before anything is
 * written) and the event that keeps it. Notes are sealed at rest and shown only to viewers at the county level or
 * below, or with {@code care:notes}. A referral to a station puts the case in that station's reach until declined.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CaseService {

	static final String ENTITY = "care-case";

	static final String NOTES = "care-case-notes";

	private static final List<String> PENDING_OR_ACCEPTED = List.of(Referrals.Status.PENDING.name(),
			Referrals.Status.ACCEPTED.name());

	private final Cases cases;

	private final Referrals referrals;

	private final PersonService persons;

	private final Visits visits;

	private final ServedMarks served;

	private final CareTally tally;

	private final Regions regions;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Supervisors supervisors;

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
		if (input.visitId() != null) {
			fromVisit(user, person, input.visitId());
		}
		long id = cases.insert(person.id(), person.regionCode(), reason, persons.today(), persons.now(),
				PersonService.who());
		cases.event(id, persons.now(), persons.today(), PersonService.who(), "OPEN", null, CaseStage.INTAKE,
				input.visitId() == null ? null : "visit:" + input.visitId(), null);
		tally.count(person.regionCode(), CareTally.OPEN_CASES, 1);
		visits.closeAlerts(person.id());
		audit.record("care-case.create", ENTITY, id, RegionCode.parse(person.regionCode()));
		return get(user, id);
	}

	/**
	 * A case opened from a visit: the visit must be in scope (404 naming visitId), of this person (400 naming
	 * visitId) and not already the start of a case (409).
	 */
	private void fromVisit(CurrentUser user, Persons.Row person, long visitId) {
		long of = visits.personOf(user.scope(), visitId)
			.orElseThrow(() -> BusinessException.notFound("care.case.visit-unknown", visitId));
		if (of != person.id()) {
			throw InvalidInputException.of("visitId", "care.case.visit-other-person", visitId, person.name());
		}
		Long taken = cases.openedFrom(List.of(visitId)).get(visitId);
		if (taken != null) {
			throw BusinessException.conflict("care.case.visit-taken", visitId, taken);
		}
	}

	/** Cases opened from these visits: visit id to case id. */
	public java.util.Map<Long, Long> openedFrom(List<Long> visitIds) {
		return cases.openedFrom(visitIds);
	}

	/** What a step did, for its event: the stage after it (null: unchanged), its day, a summary and notes. */
	private record Done(CaseStage after, LocalDate date, String summary, String notes) {

		static Done stay(String summary, String notes, LocalDate date) {
			return new Done(null, date, summary, notes);
		}

	}

	/**
	 * The one path of every step: a supervisor's step (督导: {@code care:supervise}, or an account marked as supervisor
	 * of the case's station or county, see {@link Supervisors}) refuses anyone else (403), the case must be reachable (404)
	 * and at a stage the step starts from (409); {@code work} checks the input and writes the step's own changes, and
	 * the step is kept as an event and audited.
	 */
	private CareCase transition(CurrentUser user, long id, CaseStep step, Function<Cases.Row, Done> work) {
		if (step.supervisor && !user.can(Permissions.CARE_SUPERVISE) && !user.can(Permissions.CARE_RECORD)) {
			throw BusinessException.forbidden("care.case.supervisor-only");
		}
		if (!step.supervisor && !user.can(Permissions.CARE_RECORD)) {
			throw BusinessException.forbidden("care.case.record-only");
		}
		List<String> referred = switch (step) {
			case SERVICE -> List.of(Referrals.Status.ACCEPTED.name());
			case REFERRAL_ACCEPT, REFERRAL_DECLINE -> PENDING_OR_ACCEPTED;
			default -> List.of();
		};
		Cases.Row row = cases.find(user.scope(), id, true, referred).orElseThrow(() -> unknown(id));
		if (step.supervisor && !supervisors.supervises(user, row.regionCode())) {
			throw BusinessException.forbidden("care.case.supervisor-only");
		}
		if (!step.from.contains(row.stage())) {
			throw BusinessException.conflict("care.case.wrong-stage." + row.stage().messageKey().substring(11));
		}
		Done done = work.apply(row);
		CaseStage after = done.after() == null ? row.stage() : done.after();
		Timestamp now = persons.now();
		if (after != row.stage()) {
			cases.stage(row.id(), after, now);
		}
		cases.event(row.id(), now, done.date() == null ? persons.today() : done.date(), PersonService.who(),
				step.name(), row.stage(), after, done.summary(),
				done.notes() == null ? null : cipher.encrypt(NOTES, done.notes()));
		audit.record(step.auditAction(), ENTITY, row.id(), RegionCode.parse(row.regionCode()));
		// reached above; a station that has just declined a referral is answered once more, then no longer
		return read(user, cases.find(new RegionScope(RegionCode.COUNTRY), id, false, List.of()).orElseThrow());
	}

	@Transactional
	public CareCase assess(long id, CaseInputs.Assessment a, CurrentUser user) {
		return transition(user, id, CaseStep.ASSESS, row -> {
			FieldChecks c = new FieldChecks();
			int score = score(c, "safety", a.safety()) + score(c, "health", a.health())
					+ score(c, "dailyLiving", a.dailyLiving()) + score(c, "economy", a.economy())
					+ score(c, "family", a.family()) + score(c, "psychology", a.psychology());
			String notes = c.optional("notes", a.notes(), 2000);
			c.throwIfAny();
			cases.assessed(id, score);
			return new Done(CaseStage.ASSESSMENT, null,
					"safety=%d health=%d dailyLiving=%d economy=%d family=%d psychology=%d".formatted(a.safety(),
							a.health(), a.dailyLiving(), a.economy(), a.family(), a.psychology()),
					notes);
		});
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
		return transition(user, id, CaseStep.PLAN, row -> {
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
			return new Done(CaseStage.PLAN_PENDING, null, "by:" + by,
					String.join("\n", goals, actions, who, notes == null ? "" : notes).strip());
		});
	}

	@Transactional
	public CareCase approvePlan(long id, CaseInputs.Decision d, CurrentUser user) {
		return transition(user, id, CaseStep.PLAN_APPROVE, row -> {
			cases.planApproved(id, persons.today());
			return new Done(CaseStage.SERVICE, null, null, comment(d));
		});
	}

	@Transactional
	public CareCase returnPlan(long id, CaseInputs.Decision d, CurrentUser user) {
		return transition(user, id, CaseStep.PLAN_RETURN,
				row -> new Done(CaseStage.ASSESSMENT, null, null, requiredReason(d)));
	}

	@Transactional
	public CareCase service(long id, CaseInputs.Service s, CurrentUser user) {
		return transition(user, id, CaseStep.SERVICE, row -> {
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
			return Done.stay(kind.name() + (s.activityId() == null ? "" : " activity:" + s.activityId()), notes,
					date);
		});
	}

	@Transactional
	public CareCase refer(long id, CaseInputs.Referral r, CurrentUser user) {
		return transition(user, id, CaseStep.REFERRAL, row -> {
			FieldChecks c = new FieldChecks();
			CaseInputs.ReferralKind kind = c.choice("toKind", r.toKind(), CaseInputs.ReferralKind.class, true);
			String to = c.required("to", r.to(), 100);
			String reason = c.required("reason", r.reason(), 1000);
			String station = kind == CaseInputs.ReferralKind.STATION && to != null ? station(c, to, row) : null;
			c.throwIfAny();
			tally.daily(row.regionCode(), CareTally.REFERRALS, persons.today(), 1);
			long referral = referrals.insert(id, kind.name(), to, station, reason, persons.today(),
					PersonService.who());
			return Done.stay(kind.name() + ":" + to + " referral:" + referral, reason, null);
		});
	}

	/** A referral to a station names the station's region: a township or village other than the case's own. */
	private String station(FieldChecks c, String to, Cases.Row row) {
		if (!RegionCode.isValid(to) || RegionCode.parse(to).level().number() < RegionLevel.TOWNSHIP.number()
				|| regions.find(RegionCode.parse(to)).isEmpty()) {
			c.add("to", "care.referral.station-region");
			return null;
		}
		RegionCode code = RegionCode.parse(to);
		if (code.contains(RegionCode.parse(row.regionCode()))) {
			c.add("to", "care.referral.same-station");
			return null;
		}
		return code.value();
	}

	/** The receiver's answer to a referral: accepted (a comment optional) or declined with a reason. */
	@Transactional
	public CareCase answerReferral(long id, long referralId, boolean accept, CaseInputs.Decision d,
			CurrentUser user) {
		return transition(user, id, accept ? CaseStep.REFERRAL_ACCEPT : CaseStep.REFERRAL_DECLINE, row -> {
			Referrals.Row referral = pendingReferral(row, referralId, user);
			String reason = accept ? comment(d) : requiredReason(d);
			referrals.decide(referral.id(), accept ? Referrals.Status.ACCEPTED : Referrals.Status.DECLINED,
					persons.now(), PersonService.who(), accept ? null : reason);
			return Done.stay("referral:" + referral.id(), reason, null);
		});
	}

	/**
	 * The referral, still pending, that this user may decide: a station's referral by the receiving station (or a
	 * level above it), an organization's or department's by the referring side, who records the answer it got.
	 */
	private Referrals.Row pendingReferral(Cases.Row row, long referralId, CurrentUser user) {
		Referrals.Row referral = referrals.find(row.id(), referralId, true)
			.orElseThrow(() -> BusinessException.notFound("care.referral.unknown", referralId));
		String receiver = referral.toRegion() != null ? referral.toRegion() : row.regionCode();
		if (!user.scope().covers(RegionCode.parse(receiver))) {
			throw BusinessException.notFound("care.referral.unknown", referralId);
		}
		if (referral.status() != Referrals.Status.PENDING) {
			throw BusinessException.conflict("care.referral.decided");
		}
		return referral;
	}

	@Transactional
	public CareCase close(long id, CaseInputs.Close cl, CurrentUser user) {
		return transition(user, id, CaseStep.CLOSE, row -> {
			FieldChecks c = new FieldChecks();
			String reason = c.required("reason", cl.reason(), 500);
			String review = c.optional("review", cl.review(), 2000);
			c.throwIfAny();
			cases.closing(id, reason);
			return new Done(CaseStage.CLOSE_PENDING, null, null, review);
		});
	}

	@Transactional
	public CareCase approveClose(long id, CaseInputs.Decision d, CurrentUser user) {
		return transition(user, id, CaseStep.CLOSE_APPROVE, row -> {
			cases.closed(id, persons.today());
			tally.count(row.regionCode(), CareTally.OPEN_CASES, -1);
			tally.count(row.regionCode(), CareTally.CLOSED_CASES, 1);
			return new Done(CaseStage.CLOSED, null, null, comment(d));
		});
	}

	/** A closed case opens again at intake, with a reason; its steps, decisions and closure stay in its events. */
	@Transactional
	public CareCase reopen(long id, CaseInputs.Decision d, CurrentUser user) {
		return transition(user, id, CaseStep.REOPEN, row -> {
			String reason = requiredReason(d);
			cases.reopened(id, persons.today());
			tally.count(row.regionCode(), CareTally.CLOSED_CASES, -1);
			tally.count(row.regionCode(), CareTally.OPEN_CASES, 1);
			return new Done(CaseStage.INTAKE, null, "closed:" + row.closedOn(), reason);
		});
	}

	/** A decision step by its name: the endpoints of supervisors, reopening and referral answers share one path. */
	@Transactional
	public CareCase decide(CaseStep step, long id, Long referralId, CaseInputs.Decision d, CurrentUser user) {
		return switch (step) {
			case PLAN_APPROVE -> approvePlan(id, d, user);
			case PLAN_RETURN -> returnPlan(id, d, user);
			case CLOSE_APPROVE -> approveClose(id, d, user);
			case REOPEN -> reopen(id, d, user);
			case REFERRAL_ACCEPT, REFERRAL_DECLINE -> {
				if (referralId == null) {
					FieldChecks c = new FieldChecks();
					c.add("referralId", "actor.input.required");
					c.throwIfAny();
				}
				yield answerReferral(id, referralId, step == CaseStep.REFERRAL_ACCEPT, d, user);
			}
			default -> throw unknown(id);
		};
	}

	/** A referral to a station in the viewer's scope; the reasons are notes. */
	public record IncomingReferral(long id, long caseId, long personId, String personName, String fromRegion,
			String toKind, String to, String toRegion, String status, LocalDate referredOn, String reason,
			String declineReason) {
	}

	public List<IncomingReferral> incoming(CurrentUser user, RegionScope scope, String status) {
		FieldChecks c = new FieldChecks();
		Referrals.Status s = c.choice("status", status, Referrals.Status.class, false);
		c.throwIfAny();
		boolean notes = mayReadNotes(user);
		return referrals.incoming(scope, s, 500)
			.stream()
			.map(i -> new IncomingReferral(i.referral().id(), i.referral().caseId(), i.personId(), i.personName(),
					i.caseRegion(), i.referral().toKind(), i.referral().toName(), i.referral().toRegion(),
					i.referral().status().name(), i.referral().referredOn(), notes ? i.referral().reason() : null,
					notes ? i.referral().declineReason() : null))
			.toList();
	}

	private static String comment(CaseInputs.Decision d) {
		return d == null || d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
	}

	private static String requiredReason(CaseInputs.Decision d) {
		FieldChecks c = new FieldChecks();
		String reason = c.required("reason", d == null ? null : d.reason(), 500);
		c.throwIfAny();
		return reason;
	}

	public static BusinessException unknown(long id) {
		return BusinessException.notFound("care.case.unknown", id);
	}

	/** Whether the user may approve or return this case's plan and closure. */
	public boolean supervises(CurrentUser user, CareCase kase) {
		return supervisors.supervises(user, kase.regionCode());
	}

	/** One case with its events and referrals: in scope, or referred to a station in scope and not declined. */
	public CareCase get(CurrentUser user, long id) {
		return read(user, cases.find(user.scope(), id, false, PENDING_OR_ACCEPTED).orElseThrow(() -> unknown(id)));
	}

	private CareCase read(CurrentUser user, Cases.Row row) {
		long id = row.id();
		boolean notes = mayReadNotes(user);
		List<CareCase.Event> events = cases.events(id)
			.stream()
			.map(e -> new CareCase.Event(e.id(), e.occurredAt().toInstant(), e.eventDate(), e.actor(), e.action(),
					e.stageBefore(), e.stageAfter(), notes ? e.summary() : null,
					notes && e.notesCipher() != null ? open(e.notesCipher()) : null))
			.toList();
		List<CareCase.Referral> refs = referrals.of(id)
			.stream()
			.map(r -> new CareCase.Referral(r.id(), r.toKind(), r.toName(), r.toRegion(), notes ? r.reason() : null,
					r.status().name(), r.referredOn(), r.decidedAt() == null ? null : r.decidedAt().toInstant(),
					r.decidedBy(), notes ? r.declineReason() : null))
			.toList();
		return view(row, notes, events, refs);
	}

	public List<CareCase> list(CurrentUser user, RegionScope scope, String stage, Long personId, int offset,
			int size) {
		boolean notes = mayReadNotes(user);
		String s = stage == null || stage.isBlank() ? null : stage.strip();
		return cases.list(scope, s, personId, Math.max(0, offset), Math.min(Math.max(1, size), 500))
			.stream()
			.map(r -> view(r, notes, List.of(), List.of()))
			.toList();
	}

	static CareCase view(Cases.Row r, boolean notes, List<CareCase.Event> events, List<CareCase.Referral> refs) {
		return new CareCase(r.id(), r.personId(), r.personName(), r.regionCode(), r.stage().name(),
				notes ? r.reason() : null, r.openedOn(), r.assessmentScore(), notes ? r.closureReason() : null,
				r.closedOn(), r.lastServiceOn(), !notes, events, refs);
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
